package io.tollgate.gateway.http;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/** The one JSON parser factory of the request path. */
public final class Json {

    /**
     * Its parsers' buffers are recycled per thread: the request path runs on a few event-loop threads, and Jackson's
     * default pool is one lock-free deque that every parser of every thread takes from and returns to.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();

    private Json() {
    }
}
