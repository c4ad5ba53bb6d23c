package io.github.camelsaas.kustomer.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A page link of a Kustomer list answer ({@code links.next}), turned into the call that reads that page. Only its
 * path and query are used, always against the endpoint's own base URL: a link never sends the API key to another
 * host. It must be a link of the list being read (the same path), so a link left on a message by another list, or
 * one that points elsewhere, is refused rather than followed.
 */
public final class PageLink {

    private PageLink() {
    }

    /**
     * @param  link                     the link as Kustomer wrote it: {@code /v1/...?page=2&pageSize=100}, or absolute
     * @param  list                     the list being read
     * @param  source                   where the link came from, for the message (e.g. "header ..." or "links.next")
     * @throws IllegalArgumentException when the link is no link of this list
     */
    public static KustomerRequest request(String link, KustomerLists.ListPath list, String source) {
        URI uri;
        try {
            uri = new URI(link.trim());
        } catch (URISyntaxException e) {
            throw refused(source, list, "is not a URI");
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            throw refused(source, list, "has no path");
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.equals(list.path().path())) {
            throw refused(source, list, "is not a page of this list");
        }
        return KustomerRequest.get(new KustomerPaths.ApiPath(path, list.path().template()), uri.getRawQuery());
    }

    private static IllegalArgumentException refused(String source, KustomerLists.ListPath list, String why) {
        // the link itself is not quoted: it holds ids
        return new IllegalArgumentException("The page link in " + source + " " + why + " (" + list.describe()
                + "); it is not followed");
    }
}
