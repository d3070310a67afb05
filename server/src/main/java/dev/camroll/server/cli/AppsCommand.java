package dev.camroll.server.cli;

import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.IssuedTokens;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "apps",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "The apps given access to the library of camroll serve:",
            "  add NAME      adds an app by hand, grants it --scope and prints its id and a token",
            "                (an access token, and a refresh token that replaces itself on use)",
            "  list          the apps, their grant and whether revoked",
            "  revoke ID     ends the app's tokens and grant at once, in a running server too",
            "Apps of other kinds register themselves through the server's OAuth endpoints."
        })
final class AppsCommand implements Callable<Integer> {

    enum Action {
        ADD,
        LIST,
        REVOKE
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1", paramLabel = "ACTION", description = "add, list or revoke.")
    private String action;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "What the action takes (see above).")
    private List<String> args = new ArrayList<>();

    @Option(
            names = "--scope",
            paramLabel = "SCOPES",
            description = "With add: the OAuth scopes granted, space- or comma-separated"
                    + " (library.read, library.write_only, media.photo, media.video, media.audio,"
                    + " media.location; default: library.read)")
    private String scope = OAuthScopes.LIBRARY_READ;

    @Override
    public Integer call() {
        Action chosen = parseAction();
        PrintWriter out = library.out();
        try (MediaLibrary opened = library.openForWrite()) {
            LocalMediaLibrary local = (LocalMediaLibrary) opened;
            switch (chosen) {
                case ADD -> add(local, out);
                case LIST -> list(local, out);
                case REVOKE -> revoke(local, out);
            }
        }
        out.flush();
        return 0;
    }

    private void add(LocalMediaLibrary local, PrintWriter out) {
        if (args.size() != 1) {
            throw usage("apps add NAME [--scope SCOPES]");
        }
        Grant grant = OAuthScopes.grant(scope.replace(',', ' '));
        App app = local.apps().add(args.getFirst());
        local.grants().set(app.id(), grant);
        IssuedTokens tokens = local.apps().issue(app.id(), OAuthScopes.of(grant));
        if (library.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", app.id().value());
            result.put("name", app.name());
            result.put("scope", OAuthScopes.text(grant));
            result.put("accessToken", tokens.accessToken());
            result.put("refreshToken", tokens.refreshToken());
            result.put("expiresIn", tokens.expiresIn().toSeconds());
            out.println(ApiJson.write(result));
        } else {
            out.println("app " + app.id() + " (" + TextFormat.text(app.name()) + "): " + OAuthScopes.text(grant));
            out.println("access token (1 hour): " + tokens.accessToken());
            out.println("refresh token: " + tokens.refreshToken());
        }
    }

    private void list(LocalMediaLibrary local, PrintWriter out) {
        if (!args.isEmpty()) {
            throw usage("apps list takes no argument");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (App app : local.apps().list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", app.id().value());
            row.put("name", app.name());
            row.put("added", app.added().toString());
            row.put("revoked", app.isRevoked());
            row.put("scope", OAuthScopes.text(local.grants().grant(app.id())));
            rows.add(row);
        }
        if (library.json()) {
            out.println(ApiJson.write(rows));
            return;
        }
        for (Map<String, Object> row : rows) {
            out.println(row.get("id") + "  " + TextFormat.text((String) row.get("name")) + "  "
                    + (Boolean.TRUE.equals(row.get("revoked")) ? "revoked" : row.get("scope")));
        }
    }

    private void revoke(LocalMediaLibrary local, PrintWriter out) {
        if (args.size() != 1) {
            throw usage("apps revoke ID");
        }
        AppId id = new AppId(args.getFirst());
        if (local.apps().find(id).isEmpty()) {
            throw new NotFoundException("app", List.of(id.value()));
        }
        local.apps().revoke(id);
        local.grants().revoke(id);
        out.println(library.json() ? ApiJson.write(Map.of("id", id.value(), "revoked", true)) : "revoked " + id);
    }

    private Action parseAction() {
        try {
            return Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("unknown apps action '" + action + "' (expected add, list or revoke)");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
