// tools/peers/typst-quote.js: renders records through tools/peers/quote.typ
// with Typst's Node.js compiler (build/peers/, installed by
// tools/bench-peers.sh), one compiler for all the documents of the process:
// its fonts loaded once, its memoized work kept between documents and
// evicted as the typst command line does after each compile.
//   node typst-quote.js [--fresh] MODULES FONTS PROFILE OUT RECORD...
// OUT is a .pdf file for one record, else a folder (RECORD's name, .pdf).
// --fresh: the memoized work cleared after each document, so that none is
// reused by the next one (documents that differ only in a few words, as in
// the bench's corpus, are otherwise laid out again only where they differ).
"use strict";
const fs = require("fs");
const path = require("path");
const args = process.argv.slice(2);
const fresh = args[0] === "--fresh";
const [modules, fonts, profile, out, ...records] = fresh ? args.slice(1) : args;
if (records.length === 0) {
    console.error("usage: node typst-quote.js [--fresh] MODULES FONTS PROFILE OUT RECORD...");
    process.exit(2);
}
const { NodeCompiler } = require(path.resolve(modules, "@myriaddreamin/typst-ts-node-compiler"));
const template = path.resolve(__dirname, "quote.typ");
// the root "/": the template, the records and the profile by absolute path
const compiler = NodeCompiler.create({ workspace: "/", fontArgs: [{ fontPaths: [path.resolve(fonts)] }] });
const single = out.endsWith(".pdf");
if (single && records.length !== 1) {
    console.error("typst-quote.js: a .pdf output takes one record");
    process.exit(2);
}
for (const rec of records) {
    const r = compiler.compile({
        mainFilePath: template,
        inputs: { record: path.resolve(rec), profile: path.resolve(profile) },
    });
    if (r.hasError() || !r.result) {
        console.error("typst-quote.js: %s: Typst failed:", rec);
        r.printErrors();
        process.exit(1);
    }
    const pdf = compiler.pdf(r.result);
    const dest = single ? out : path.join(out, path.basename(rec).replace(/\.xml$/, "") + ".pdf");
    fs.writeFileSync(dest, pdf);
    compiler.evictCache(fresh ? 0 : 10);
}
