package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Decodes one coded item that FFmpeg's demuxer leaves out (a HEIF's thumbnail or alpha plane)
 * from its own bytes and coding configuration: the item's data is one HEVC or AV1 picture, as a
 * demuxed packet would be, and its {@code hvcC} or {@code av1C} payload is the decoder's
 * configuration, as FFmpeg's demuxer hands it over for the items it does give.
 */
final class HeifItemDecoder {

    private HeifItemDecoder() {}

    /** The decoded picture of {@code item} (native; the caller frees it). */
    static AVFrame decode(Path file, HeifItems items, HeifItems.Item item, TileDecoder decoder) {
        byte[] data;
        try {
            data = items.data(file, item);
        } catch (IOException e) {
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, e.getMessage());
        }
        AVCodecParameters parameters = avcodec_parameters_alloc();
        AVPacket packet = av_packet_alloc();
        try {
            parameters.codec_type(AVMEDIA_TYPE_VIDEO);
            parameters.codec_id(item.type().equals("av01") ? AV_CODEC_ID_AV1 : AV_CODEC_ID_HEVC);
            parameters.width(item.width());
            parameters.height(item.height());
            byte[] configuration = item.configuration();
            // Freed with the parameters; the padding is what FFmpeg's parsers may read past the end.
            BytePointer extradata = new BytePointer(av_mallocz(configuration.length + AV_INPUT_BUFFER_PADDING_SIZE));
            extradata.put(configuration);
            parameters.extradata(extradata);
            parameters.extradata_size(configuration.length);
            if (av_new_packet(packet, data.length) < 0) {
                throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "out of native memory");
            }
            packet.data().put(data);
            return decoder.decode(parameters, packet);
        } finally {
            av_packet_free(packet);
            avcodec_parameters_free(parameters);
        }
    }
}
