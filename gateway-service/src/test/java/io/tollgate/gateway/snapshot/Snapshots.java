package io.tollgate.gateway.snapshot;

/** A holder with a given snapshot, for tests of features that read it without Spring or a database. */
public final class Snapshots {

    private Snapshots() {
    }

    public static SnapshotHolder holding(ConfigSnapshot snapshot) {
        var holder = new SnapshotHolder();
        holder.replace(snapshot);
        return holder;
    }
}
