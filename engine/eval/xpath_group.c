/* engine/eval/xpath_group.c — current-group() and current-grouping-key(),
 * XSLT 2.0's names for what an element with group-by="key" repeats over:
 * the nodes of the group it is making, and the key they share. walk.c sets
 * them in the XPath environment for the element and everything inside it;
 * in a nested group-by they are the inner one's. */
#include "eval/eval_int.h"

static int
in_group(xmlXPathParserContextPtr ctxt, int nargs, const char *name)
{
    if (hs_xp_arity(ctxt, nargs, 0, 0, name) != 0)
        return 0;
    hs_xp_env *env = ctxt->context->userData;
    if (env->group != NULL)
        return 1;
    hs_xp_fail(ctxt, "", NULL, HS_CODE_TEMPLATE,
               hs_arena_printf(env->arena,
                               "%s() is for the inside of an element with each and group-by",
                               name));
    return 0;
}

static void
fn_current_group(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (in_group(ctxt, nargs, "current-group")) {
        hs_xp_env *env = ctxt->context->userData;
        valuePush(ctxt, xmlXPathNewNodeSetList(env->group));
    }
}

static void
fn_current_grouping_key(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (in_group(ctxt, nargs, "current-grouping-key")) {
        hs_xp_env *env = ctxt->context->userData;
        valuePush(ctxt, xmlXPathNewCString(env->group_key));
    }
}

void
hs_eval_register_group(xmlXPathContextPtr ctx)
{
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("current-group"), fn_current_group);
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("current-grouping-key"), fn_current_grouping_key);
}
