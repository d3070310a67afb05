package dev.camroll.server.http.oauth;

/**
 * The bar on top of the owner's pages, the web library's own (its brand, its links, its colours),
 * so that consent, selection, confirmation and the pages of apps read as parts of the library: a
 * link back to the photos, to the apps and to the changes that wait, the current one marked for
 * screen readers. A link to skip to the page's content comes first, for the keyboard.
 */
final class OwnerHeader {
    private record Link(String path, String label) {}

    private static final Link[] LINKS = {
        new Link("/", "Photos"), new Link(AppPages.PATH, "Apps"), new Link(ConfirmationRoutes.PATH, "Changes")
    };

    private OwnerHeader() {}

    static String of(String currentPath) {
        StringBuilder header = new StringBuilder("<a class=\"skip-link\" href=\"#main\">Skip to the page</a>")
                .append("<header class=\"topbar owner-topbar\"><a class=\"brand\" href=\"/\" aria-label=\"Camroll,")
                .append(" all photos\"><img src=\"/web/icon.svg\" alt=\"\" width=\"24\" height=\"24\">")
                .append("<span>Camroll</span></a><nav class=\"nav\" aria-label=\"Owner\">");
        for (Link link : LINKS) {
            boolean current = !link.path().equals("/") && currentPath != null && currentPath.startsWith(link.path());
            header.append("<a href=\"")
                    .append(link.path())
                    .append('"')
                    .append(current ? " class=\"current\" aria-current=\"page\"" : "")
                    .append('>')
                    .append(link.label())
                    .append("</a>");
        }
        return header.append("</nav></header>").toString();
    }
}
