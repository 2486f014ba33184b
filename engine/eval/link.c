/* engine/eval/link.c — <a href="…">: the target of the inline content inside.
 *
 * The target rides on the text style (hs_style.link), so that everything
 * inside the element, bold or not, over any number of lines, carries it to
 * layout, and render draws one link annotation per line over its text. A PDF
 * URI is 7-bit ASCII and a reader opens whatever it says: a target hoso
 * cannot write exactly is an error, never a guess. */
#include "eval/eval_int.h"

#include <string.h>

/* An internal link "#id" goes to the block with that id (checked once the
 * whole document is made: hs_ev_check_links). */
static const char *const schemes[] = {"http://", "https://", "mailto:", "tel:"};

int
hs_ev_link(hs_ev *ev, const hs_tnode *n, hs_style *st)
{
    int errors = ev->r->errors;
    const char *href = hs_ev_text_attr(ev, n, HS_TA_HREF);
    if (ev->r->errors != errors)
        return -1;
    if (href == NULL || href[0] == '\0')
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "<a> needs an href (http, https, mailto or tel)");
    for (const unsigned char *c = (const unsigned char *)href; *c; c++)
        if (*c <= 0x20 || *c >= 0x7F)
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                               "<a href=\"%s\">: a link target is ASCII without spaces "
                               "(write %%20 for a space, punycode for a Vietnamese domain)",
                               href);
    if (href[0] == '#') {
        if (!hs_ev_id_ok(href + 1))
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                               "<a href=\"%s\">: after '#' comes the id of a block (ASCII "
                               "letters, digits, '-', '_' and '.')",
                               href);
        hs_ev_id *l = HS_NEW(ev->a, hs_ev_id);
        l->id = href + 1;
        l->at = n;
        l->next = ev->links;
        ev->links = l;
        st->link = href;
        return 0;
    }
    size_t k = 0;
    while (k < sizeof schemes / sizeof schemes[0] &&
           strncmp(href, schemes[k], strlen(schemes[k])) != 0)
        k++;
    if (k == sizeof schemes / sizeof schemes[0])
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "<a href=\"%s\">: a link is http://, https://, mailto: or tel:", href);
    if (href[strlen(schemes[k])] == '\0')
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "<a href=\"%s\">: the link has nothing after %s", href, schemes[k]);
    st->link = href;
    return 0;
}
