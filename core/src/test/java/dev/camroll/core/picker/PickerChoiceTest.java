package dev.camroll.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.picker.Aspect;
import dev.camroll.api.picker.PickerMediaType;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.access.AppId;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The person's choice is checked against the session's options and the owner's library before
 * any file is made; a refused choice names what was wrong, makes no file and leaves the session
 * waiting for a better one.
 */
class PickerChoiceTest {
    @TempDir
    Path root;

    private PickerLibrary library;
    // An app that sees nothing of the library: the person still picks from all of it.
    private final Requester frame = Requester.app(new AppId("frame"));

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("a.jpg"), 800, 600);
        TestMedia.jpeg(root.resolve("b.jpg"), 800, 600);
        TestMedia.jpeg(root.resolve("c.jpg"), 800, 600);
        TestMedia.video(root.resolve("long.mp4"), 3, 320, 240);
        TestMedia.audio(root.resolve("song.m4a"), 1);
        library = new PickerLibrary(root);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private void assertRefused(PickerSession session, ThrowingCallable answer, String parameter) {
        assertThatThrownBy(answer)
                .isInstanceOf(InvalidArgumentException.class)
                .extracting(e -> ((InvalidArgumentException) e).parameter())
                .isEqualTo(parameter);
        assertThat(library.sessions().forPerson(session.id()).orElseThrow().state())
                .isEqualTo(SessionState.WAITING);
        assertThat(root.resolve(".camroll/picker").resolve(session.id())).doesNotExist();
    }

    @Test
    void moreItemsThanTheLimitOrOneTwiceOrNoneAreRefused() {
        PickerSession session = library.sessions()
                .create(
                        frame,
                        PickerOptions.builder()
                                .allowsMultipleSelection(true)
                                .selectionLimit(2)
                                .build());
        PickerSession single = library.sessions().create(frame, PickerOptions.defaults());

        assertRefused(
                session,
                () -> library.sessions()
                        .complete(
                                session.id(),
                                PickerChoice.of(library.id("a.jpg"), library.id("b.jpg"), library.id("c.jpg"))),
                ChoiceCheck.ASSET_IDS);
        assertRefused(
                session,
                () -> library.sessions()
                        .complete(session.id(), PickerChoice.of(library.id("a.jpg"), library.id("a.jpg"))),
                ChoiceCheck.ASSET_IDS);
        assertRefused(
                session, () -> library.sessions().complete(session.id(), PickerChoice.of()), ChoiceCheck.ASSET_IDS);
        assertRefused(
                single,
                () -> library.sessions()
                        .complete(single.id(), PickerChoice.of(library.id("a.jpg"), library.id("b.jpg"))),
                ChoiceCheck.ASSET_IDS);

        library.sessions().complete(session.id(), PickerChoice.of(library.id("c.jpg"), library.id("a.jpg")));
        assertThat(library.sessions()
                        .get(frame, session.id())
                        .orElseThrow()
                        .result()
                        .assets())
                .hasSize(2);
    }

    @Test
    void onlyTheAskedMediaTypesArePicked() {
        PickerSession images = library.sessions().create(frame, PickerOptions.defaults());
        PickerSession videos = library.sessions()
                .create(
                        frame,
                        PickerOptions.builder()
                                .mediaTypes(EnumSet.of(PickerMediaType.VIDEOS))
                                .build());
        PickerSession both = library.sessions()
                .create(
                        frame,
                        PickerOptions.builder()
                                .mediaTypes(EnumSet.of(PickerMediaType.IMAGES, PickerMediaType.VIDEOS))
                                .build());

        assertRefused(
                images,
                () -> library.sessions().complete(images.id(), PickerChoice.of(library.id("long.mp4"))),
                PickerOptions.MEDIA_TYPES);
        assertRefused(
                videos,
                () -> library.sessions().complete(videos.id(), PickerChoice.of(library.id("a.jpg"))),
                PickerOptions.MEDIA_TYPES);
        assertRefused(
                both,
                () -> library.sessions().complete(both.id(), PickerChoice.of(library.id("song.m4a"))),
                PickerOptions.MEDIA_TYPES);
    }

    @Test
    void aVideoLongerThanTheLimitIsRefused() {
        PickerSession session = library.sessions()
                .create(
                        frame,
                        PickerOptions.builder()
                                .mediaTypes(EnumSet.of(PickerMediaType.VIDEOS))
                                .videoMaxDuration(2)
                                .build());

        assertRefused(
                session,
                () -> library.sessions().complete(session.id(), PickerChoice.of(library.id("long.mp4"))),
                PickerOptions.VIDEO_MAX_DURATION);
    }

    @Test
    void anEditNeedsASessionThatAllowsItASinglePhotoAndACropOfTheAskedAspect() {
        PickerOptions fourByThree = PickerOptions.builder()
                .allowsEditing(true)
                .aspect(new Aspect(4, 3))
                .build();
        PickerSession noEditing = library.sessions().create(frame, PickerOptions.defaults());
        PickerSession several = library.sessions()
                .create(
                        frame,
                        PickerOptions.builder()
                                .allowsEditing(true)
                                .allowsMultipleSelection(true)
                                .build());
        PickerSession editing = library.sessions().create(frame, fourByThree);

        PhotoEdit square = PhotoEdit.crop(new CropRect(0, 0, 300, 300));
        assertRefused(
                noEditing,
                () -> library.sessions().complete(noEditing.id(), PickerChoice.edited(library.id("a.jpg"), square)),
                ChoiceCheck.EDIT);
        assertRefused(
                several,
                () -> library.sessions()
                        .complete(
                                several.id(),
                                new PickerChoice(List.of(library.id("a.jpg"), library.id("b.jpg")), square)),
                ChoiceCheck.EDIT);
        assertRefused(
                editing,
                () -> library.sessions().complete(editing.id(), PickerChoice.edited(library.id("a.jpg"), square)),
                CropRect.PARAMETER);
        // Within a pixel of 4:3 is 4:3 (a crop frame's edges fall on whole pixels).
        assertRefused(
                editing,
                () -> library.sessions()
                        .complete(
                                editing.id(),
                                PickerChoice.edited(library.id("a.jpg"), PhotoEdit.crop(new CropRect(0, 0, 403, 300)))),
                CropRect.PARAMETER);
        assertRefused(
                editing,
                () -> library.sessions()
                        .complete(
                                editing.id(),
                                PickerChoice.edited(
                                        library.id("a.jpg"), PhotoEdit.crop(new CropRect(500, 0, 400, 300)))),
                CropRect.PARAMETER);
        assertThatThrownBy(() -> PhotoEdit.rotate(45))
                .isInstanceOf(InvalidArgumentException.class)
                .extracting(e -> ((InvalidArgumentException) e).parameter())
                .isEqualTo(PhotoEdit.ROTATION);

        library.sessions()
                .complete(
                        editing.id(),
                        PickerChoice.edited(library.id("a.jpg"), PhotoEdit.crop(new CropRect(10, 10, 401, 300))));
        assertThat(library.sessions()
                        .get(frame, editing.id())
                        .orElseThrow()
                        .result()
                        .assets()
                        .getFirst()
                        .width())
                .isEqualTo(401);
    }

    @Test
    void anIdNotInTheLibraryIsNotFound() throws Exception {
        PickerSession session = library.sessions().create(frame, PickerOptions.defaults());
        String gone = library.id("b.jpg");
        library.library.deleteAssets(List.of(gone));

        assertThatThrownBy(() -> library.sessions().complete(session.id(), PickerChoice.of("nothing")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> library.sessions().complete(session.id(), PickerChoice.of(gone)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> library.sessions().complete("0".repeat(64), PickerChoice.of(library.id("a.jpg"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(Files.exists(root.resolve(".camroll/picker").resolve(session.id())))
                .isFalse();
    }
}
