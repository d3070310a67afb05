package dev.camroll.server.http.oauth;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * The consent page, the same for a web or native app's authorization and for a device's: the app's
 * name, what it asks, and the four answers a phone gives (Allow all, Select photos and videos,
 * Allow this time only, Don't allow) with whether to share locations. The form posts back with the
 * request's fields and the owner's form token.
 */
final class ConsentPage {
    /** The answers, as the form's {@code answer} button values. */
    enum Answer {
        ALL,
        SELECTED,
        ONCE,
        DENY;

        static Answer of(String value) {
            if (value == null) {
                return null;
            }
            for (Answer answer : values()) {
                if (answer.name().equalsIgnoreCase(value)) {
                    return answer;
                }
            }
            return null;
        }
    }

    private ConsentPage() {}

    /** Shows the page; {@code fields} go back with the answer as hidden fields. */
    static void show(
            Context ctx,
            String action,
            String appName,
            Set<String> scopes,
            Map<String, String> fields,
            String formField) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"oauth-app\"><strong>")
                .append(Html.escape(appName))
                .append("</strong> asks to:</p><ul class=\"oauth-scopes\">");
        for (String scope : scopes) {
            body.append("<li>")
                    .append(Html.escape(RequestedScopes.describe(scope)))
                    .append("</li>");
        }
        body.append("</ul><form method=\"post\" action=\"")
                .append(Html.escape(action))
                .append("\">");
        fields.forEach((name, value) -> {
            if (value != null) {
                body.append(Html.hidden(name, value));
            }
        });
        body.append(formField);
        body.append("<label class=\"oauth-location\"><input type=\"checkbox\" name=\"location\" value=\"yes\"")
                .append(scopes.contains(dev.camroll.core.access.OAuthScopes.MEDIA_LOCATION) ? "" : " disabled")
                .append("> Share where photos and videos were taken</label>")
                .append("<div class=\"oauth-answers\">")
                .append(button(Answer.ALL, "Allow all"))
                .append(button(Answer.SELECTED, "Select photos and videos"))
                .append(button(Answer.ONCE, "Allow this time only"))
                .append(button(Answer.DENY, "Don't allow"))
                .append("</div><p class=\"oauth-note\">Select photos and videos opens the selection page, where you"
                        + " tick the items and albums the app may see. Allow this time only"
                        + " ends with the app's first token (an hour).</p></form>");
        Html.page(ctx, 200, "Allow " + appName + "?", body.toString());
    }

    private static String button(Answer answer, String label) {
        return "<button type=\"submit\" name=\"answer\" value=\""
                + answer.name().toLowerCase(java.util.Locale.ROOT)
                + "\" id=\"answer-" + answer.name().toLowerCase(java.util.Locale.ROOT) + "\">" + Html.escape(label)
                + "</button>";
    }
}
