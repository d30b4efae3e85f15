package io.tollgate.gateway.snapshot;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A holder with a given snapshot, for tests of features that read it without Spring or a database. */
public final class Snapshots {

    private Snapshots() {
    }

    public static SnapshotHolder holding(ConfigSnapshot snapshot) {
        var holder = new SnapshotHolder();
        holder.replace(snapshot);
        return holder;
    }

    /** A snapshot whose catalog holds chat models of these names, and nothing else. */
    public static ConfigSnapshot withModels(String... names) {
        Map<String, ModelEntry> models = Arrays.stream(names).collect(Collectors.toUnmodifiableMap(name -> name,
                name -> new ModelEntry(UUID.randomUUID(), name, name, Set.of("chat"), 128_000, Instant.EPOCH)));
        var empty = ConfigSnapshot.empty(Instant.EPOCH);
        return new ConfigSnapshot(empty.loadedAt(), Map.of(), Map.of(), Map.of(), Map.of(), models, Map.of(), Map.of(),
                Map.of(), Map.of(), empty.limits());
    }
}
