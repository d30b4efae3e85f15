package io.tollgate.gateway.provider;

import java.util.List;

/**
 * One provider's translation work for one request, as {@link TranslationBench} measures it: everything its adapter
 * does with the bytes between the gateway's single parse of the client's body and the client's answer, without the
 * network. Each method returns a byte count so the work cannot be optimized away.
 */
public interface TranslationBenchCase {

    String name();

    /** A non-streaming chat call: the request for the provider, its answer back in OpenAI's shape with its usage. */
    long call();

    /**
     * A streaming chat call: the request for the provider, then each network chunk of its answer cut into events and
     * translated to OpenAI chunks, and the stream's usage read at its end.
     */
    long stream();

    /** Cuts a stream as {@code UpstreamHttp} does and hands each event on; the bytes handed back are counted. */
    static long relay(List<byte[]> chunks, java.util.function.Function<byte[], List<byte[]>> translate) {
        var splitter = new SseEventSplitter();
        long bytes = 0;
        for (byte[] chunk : chunks) {
            for (byte[] event : splitter.accept(chunk)) {
                for (byte[] out : translate.apply(event)) {
                    bytes += out.length;
                }
            }
        }
        return bytes;
    }
}
