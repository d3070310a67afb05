package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * The sound half of a transcode: decodes the original's sound stream, resamples it to planar
 * float at 44.1 or 48 kHz, one or two channels (more are mixed down), and encodes it as AAC with
 * FFmpeg's own encoder, whose frames have a fixed length: a queue of samples cuts them.
 */
final class AudioEncoding implements AutoCloseable {

    static final String ENCODER = "aac";

    private final AVStream input;
    private final AVCodecContext decoder;
    private final AVCodecContext encoder;
    private final AVStream output;
    private final SwrContext resampler;
    private final AVAudioFifo queue;
    private final AVFrame decoded = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final long startOffset;
    private long nextSample = AV_NOPTS_VALUE;
    private long packetsWritten;

    private AudioEncoding(
            AVStream input,
            AVCodecContext decoder,
            AVCodecContext encoder,
            AVStream output,
            SwrContext resampler,
            long startOffset) {
        this.input = input;
        this.decoder = decoder;
        this.encoder = encoder;
        this.output = output;
        this.resampler = resampler;
        this.startOffset = startOffset;
        this.queue = av_audio_fifo_alloc(
                AV_SAMPLE_FMT_FLTP, encoder.ch_layout().nb_channels(), Math.max(1024, encoder.frame_size() * 2));
    }

    /**
     * Opens the decoder of stream {@code index} and an AAC encoder feeding a new stream of {@code out}.
     *
     * @param startOffset the time, in the stream's time base, that becomes 0 in the rendition
     */
    static AudioEncoding open(AVFormatContext in, int index, AVFormatContext out, long startOffset) {
        AVStream stream = in.streams(index);
        AVCodec decoderCodec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (decoderCodec == null || decoderCodec.isNull()) {
            throw new NoRenditionException(
                    NoRenditionException.Reason.UNSUPPORTED_FORMAT, "no decoder for this sound in FFmpeg's libraries");
        }
        AVCodec encoderCodec = avcodec_find_encoder_by_name(ENCODER);
        AVCodecContext decoder = avcodec_alloc_context3(decoderCodec);
        AVCodecContext encoder = avcodec_alloc_context3(encoderCodec);
        SwrContext resampler = null;
        try {
            Transcode.check(avcodec_parameters_to_context(decoder, stream.codecpar()), "sound decoder");
            decoder.pkt_timebase(stream.time_base());
            Transcode.check(avcodec_open2(decoder, decoderCodec, (AVDictionary) null), "sound decoder");
            int channels = decoder.ch_layout().nb_channels();
            if (channels <= 0) {
                throw new NoRenditionException(NoRenditionException.Reason.UNREADABLE, "the sound has no channels");
            }
            if (decoder.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
                av_channel_layout_default(decoder.ch_layout(), channels);
            }
            int rate = decoder.sample_rate() == 44_100 ? 44_100 : 48_000;
            int outChannels = Math.min(2, channels);
            encoder.sample_fmt(AV_SAMPLE_FMT_FLTP);
            encoder.sample_rate(rate);
            av_channel_layout_default(encoder.ch_layout(), outChannels);
            encoder.bit_rate(outChannels == 1 ? 96_000 : 160_000);
            encoder.time_base(av_make_q(1, rate));
            if ((out.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            Transcode.check(avcodec_open2(encoder, encoderCodec, (AVDictionary) null), "AAC encoder");

            resampler = swr_alloc();
            Transcode.check(
                    swr_alloc_set_opts2(
                            resampler,
                            encoder.ch_layout(),
                            encoder.sample_fmt(),
                            rate,
                            decoder.ch_layout(),
                            decoder.sample_fmt(),
                            decoder.sample_rate(),
                            0,
                            null),
                    "sound resampler");
            Transcode.check(swr_init(resampler), "sound resampler");

            AVStream target = avformat_new_stream(out, null);
            Transcode.check(avcodec_parameters_from_context(target.codecpar(), encoder), "sound stream");
            target.time_base(encoder.time_base());
            return new AudioEncoding(stream, decoder, encoder, target, resampler, startOffset);
        } catch (RuntimeException e) {
            if (resampler != null) {
                swr_free(resampler);
            }
            avcodec_free_context(decoder);
            avcodec_free_context(encoder);
            throw e;
        }
    }

    int streamIndex() {
        return input.index();
    }

    long packetsWritten() {
        return packetsWritten;
    }

    /** Decodes a packet of the original and encodes what it gives; a damaged packet is passed over. */
    void send(AVPacket original, AVFormatContext out) {
        if (avcodec_send_packet(decoder, original) >= 0) {
            receiveFrames(out);
        }
    }

    /** Drains decoder, resampler, queue and encoder at the end of the file. */
    void finish(AVFormatContext out) {
        avcodec_send_packet(decoder, null);
        receiveFrames(out);
        AVFrame rest = outputFrame();
        try {
            if (swr_convert_frame(resampler, rest, null) >= 0 && rest.nb_samples() > 0) {
                av_audio_fifo_write(queue, rest.extended_data(), rest.nb_samples());
            }
        } finally {
            av_frame_free(rest);
        }
        encodeQueued(out, true);
        avcodec_send_frame(encoder, null);
        receivePackets(out);
    }

    private void receiveFrames(AVFormatContext out) {
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            try {
                if (nextSample == AV_NOPTS_VALUE) {
                    nextSample = firstSample(decoded);
                }
                AVFrame converted = outputFrame();
                try {
                    // A frame in another layout than the first (a damaged stream) is left out.
                    if (swr_convert_frame(resampler, converted, decoded) >= 0 && converted.nb_samples() > 0) {
                        av_audio_fifo_write(queue, converted.extended_data(), converted.nb_samples());
                    }
                } finally {
                    av_frame_free(converted);
                }
            } finally {
                av_frame_unref(decoded);
            }
            encodeQueued(out, false);
        }
    }

    /** Where the sound starts in the rendition, in samples: late sound stays late, as in the original. */
    private long firstSample(AVFrame frame) {
        long time = frame.best_effort_timestamp() != AV_NOPTS_VALUE ? frame.best_effort_timestamp() : frame.pts();
        if (time == AV_NOPTS_VALUE) {
            return 0;
        }
        return Math.max(0, av_rescale_q(time - startOffset, input.time_base(), encoder.time_base()));
    }

    private AVFrame outputFrame() {
        AVFrame frame = av_frame_alloc();
        av_channel_layout_copy(frame.ch_layout(), encoder.ch_layout());
        frame.sample_rate(encoder.sample_rate());
        frame.format(encoder.sample_fmt());
        return frame;
    }

    private void encodeQueued(AVFormatContext out, boolean all) {
        int size = encoder.frame_size() > 0 ? encoder.frame_size() : 1024;
        while (av_audio_fifo_size(queue) >= size || (all && av_audio_fifo_size(queue) > 0)) {
            int count = Math.min(size, av_audio_fifo_size(queue));
            AVFrame frame = outputFrame();
            try {
                frame.nb_samples(count);
                Transcode.check(av_frame_get_buffer(frame, 0), "sound buffer");
                av_audio_fifo_read(queue, frame.extended_data(), count);
                frame.pts(nextSample);
                nextSample += count;
                Transcode.check(avcodec_send_frame(encoder, frame), "AAC encoding");
            } finally {
                av_frame_free(frame);
            }
            receivePackets(out);
        }
    }

    private void receivePackets(AVFormatContext out) {
        while (avcodec_receive_packet(encoder, packet) >= 0) {
            av_packet_rescale_ts(packet, encoder.time_base(), output.time_base());
            packet.stream_index(output.index());
            Transcode.check(av_interleaved_write_frame(out, packet), "writing the rendition");
            packetsWritten++;
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        av_frame_free(decoded);
        av_audio_fifo_free(queue);
        swr_free(resampler);
        avcodec_free_context(encoder);
        avcodec_free_context(decoder);
    }
}
