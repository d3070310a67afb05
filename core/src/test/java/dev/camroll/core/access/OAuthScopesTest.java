package dev.camroll.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.PermissionStatus;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A grant and the scope strings of a token stand for each other, one to one. */
class OAuthScopesTest {
    @Test
    void aGrantToAllPhotosWithLocationIsReadPhotoAndLocation() {
        Grant grant = Grant.all(Set.of(GranularPermission.PHOTO), true);
        assertThat(OAuthScopes.of(grant)).containsExactly("library.read", "media.photo", "media.location");
        assertThat(OAuthScopes.text(grant)).isEqualTo("library.read media.photo media.location");
    }

    @Test
    void everyKindOfGrantComesBackFromItsScopeStrings() {
        Set<GranularPermission> all = EnumSet.allOf(GranularPermission.class);
        for (Grant grant : Set.of(
                Grant.all(all, false),
                Grant.all(Set.of(GranularPermission.VIDEO), true),
                Grant.limited(Set.of(GranularPermission.PHOTO, GranularPermission.VIDEO), false),
                Grant.writeOnly(Set.of(GranularPermission.AUDIO)),
                Grant.undetermined().withCapabilities(Set.of(AppCapability.PICKER)),
                Grant.all(all, true).withCapabilities(EnumSet.allOf(AppCapability.class)))) {
            Grant back = OAuthScopes.grant(OAuthScopes.of(grant));
            assertThat(back.status()).isEqualTo(grant.status());
            assertThat(back.privileges()).isEqualTo(grant.privileges());
            assertThat(back.mediaTypes()).isEqualTo(grant.mediaTypes());
            assertThat(back.writeOnly()).isEqualTo(grant.writeOnly());
            assertThat(back.location()).isEqualTo(grant.location());
            assertThat(back.capabilities()).isEqualTo(grant.capabilities());
            assertThat(OAuthScopes.of(back)).isEqualTo(OAuthScopes.of(grant));
        }
    }

    @Test
    void aPickerOnlyTokenHoldsPickerAloneAndReadsNothing() {
        Grant picker = OAuthScopes.grant("picker");
        assertThat(picker.status()).isEqualTo(PermissionStatus.UNDETERMINED);
        assertThat(picker.privileges()).isEqualTo(AccessPrivileges.NONE);
        assertThat(OAuthScopes.of(picker)).containsExactly("picker");
        assertThat(new AppScope(new AppId("p"), picker).predicate()).isEqualTo(new AssetPredicate.Nothing());
    }

    @Test
    void anUnknownScopeIsRefusedByName() {
        assertThatThrownBy(() -> OAuthScopes.grant("library.read media.everything"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("media.everything");
    }
}
