package io.tollgate.gateway.api;

import java.util.List;

/** The answer of {@code GET /models}, and one of its entries. */
public record ModelList(String object, List<Model> data) {

    public record Model(String id, String object, long created, String ownedBy) {
    }
}
