package dev.camroll.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.SqlGrants;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps that registered themselves and still wait for the owner's consent are capped, and expire
 * a day after they registered: anyone may register, and junk must neither pile up nor keep real
 * apps out for long. Apps the owner answered or added are never counted nor expired. In a real
 * index file.
 */
class RegistrationCapTest {
    private static final List<String> CALLBACK = List.of("https://app.example/cb");

    @TempDir
    Path folder;

    private Database database;
    private AppRegistry apps;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("index.db"));
        apps = AppRegistry.of(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void pastTheCapARegistrationIsRefusedUntilTheOldestWaitingOneExpires() {
        App consented = apps.register("Consented", CALLBACK);
        new AppGrants(new SqlGrants(database), Clock.systemUTC())
                .set(consented.id(), Grant.all(Set.of(GranularPermission.PHOTO), false));
        App byHand = apps.add("By hand");
        apps.issue(byHand.id(), Set.of("library.read"));

        List<App> waiting = new ArrayList<>();
        for (int i = 0; i < AppRegistry.WAITING_REGISTRATIONS; i++) {
            waiting.add(i % 2 == 0 ? apps.register("App " + i, CALLBACK) : apps.registerForDevice("Frame " + i));
        }
        assertThatThrownBy(() -> apps.register("One too many", CALLBACK))
                .isInstanceOfSatisfying(RegistrationsFullException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.retryAfter())
                            .isGreaterThan(Duration.ofHours(23))
                            .isLessThanOrEqualTo(AppRegistry.WAITING_LIFETIME);
                });
        assertThatThrownBy(() -> apps.registerForDevice("One too many")).isInstanceOf(RegistrationsFullException.class);
        assertThat(apps.list()).hasSize(AppRegistry.WAITING_REGISTRATIONS + 2);
        // The owner's own apps are never refused.
        assertThat(apps.add("Owner's script").name()).isEqualTo("Owner's script");

        AppRegistry dayLater = apps.withClock(
                Clock.offset(Clock.systemUTC(), Duration.ofDays(1).plusMinutes(1)));
        App fresh = dayLater.register("Fresh", CALLBACK);
        assertThat(dayLater.find(waiting.getFirst().id())).isEmpty();
        assertThat(dayLater.find(waiting.getLast().id())).isEmpty();
        assertThat(dayLater.list())
                .extracting(App::name)
                .containsExactlyInAnyOrder("Consented", "By hand", "Owner's script", "Fresh");
    }

    @Test
    void anAppTheOwnerAnsweredLeavesTheWaitingOnesAndMakesRoom() {
        for (int i = 0; i < AppRegistry.WAITING_REGISTRATIONS; i++) {
            apps.register("App " + i, CALLBACK);
        }
        assertThatThrownBy(() -> apps.register("Waiting", CALLBACK)).isInstanceOf(RegistrationsFullException.class);
        App answered = apps.list().getFirst();
        new AppGrants(new SqlGrants(database), Clock.systemUTC())
                .set(answered.id(), Grant.limited(Set.of(GranularPermission.VIDEO), false));
        assertThat(apps.register("Waiting", CALLBACK).name()).isEqualTo("Waiting");

        AppRegistry dayLater = apps.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));
        dayLater.register("Later", CALLBACK);
        assertThat(dayLater.list()).extracting(App::name).containsExactlyInAnyOrder(answered.name(), "Later");
    }
}
