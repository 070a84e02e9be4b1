package io.pgbackupwizard.model;

import io.pgbackupwizard.chart.Quantity;

/**
 * Requests and limits for the PostgreSQL container, for charts with a resources preset. From chart 15.0.0
 * the container gets primary.resourcesPreset "nano" (limits: memory 192Mi, cpu 150m, ephemeral-storage
 * 1024Mi, 2Gi with newer bitnami/common): a Memory scratch volume counts against the memory limit, so a dump
 * of a few hundred MB gets PostgreSQL OOM-killed; a Disk scratch counts against the pod's ephemeral-storage
 * limit, and going over it evicts the pod; 150m of CPU throttles pg_dump and the backend it drives.
 * Setting primary.resources replaces the preset as a whole, so requests are written too.
 */
public record ResourceLimits(Quantity cpu, Quantity memory, Quantity ephemeralStorage,
        Quantity cpuRequest, Quantity memoryRequest, Quantity ephemeralStorageRequest) {

    /** Beside a Memory scratch: PostgreSQL's shared_buffers (128MB by default), backends and pg_dump. */
    public static final Quantity MEMORY_HEADROOM = Quantity.mebibytes(512);
    /** Less than this beside a Memory scratch and PostgreSQL cannot run at its defaults. */
    public static final Quantity MIN_MEMORY_HEADROOM = Quantity.mebibytes(256);
    /** The memory limit with a Disk scratch: room for pg_dump next to the server (nano's 192Mi is not). */
    public static final Quantity DISK_SCRATCH_MEMORY = Quantity.mebibytes(512);
    /** Beside a Disk scratch: logs, the chart's own empty-dir volume (/tmp, conf, run) and the writable layer. */
    public static final Quantity EPHEMERAL_HEADROOM = Quantity.mebibytes(1024);
    public static final Quantity MIN_EPHEMERAL_HEADROOM = Quantity.mebibytes(256);
    /** pg_dump and the server backend it drives each want a core while the dump runs. */
    public static final Quantity CPU = Quantity.parse("1");
    /** Below this a dump of any size crawls (the preset's 150m is what this replaces). */
    public static final Quantity MIN_CPU = Quantity.parse("250m");

    private static final Quantity CPU_REQUEST = Quantity.parse("250m");
    private static final Quantity MEMORY_REQUEST = Quantity.mebibytes(256);
    private static final Quantity EPHEMERAL_REQUEST = Quantity.mebibytes(50);

    public static Quantity defaultMemory(Quantity scratch, ScratchMedium medium) {
        return medium == ScratchMedium.Memory ? scratch.plus(MEMORY_HEADROOM) : DISK_SCRATCH_MEMORY;
    }

    public static Quantity defaultEphemeralStorage(Quantity scratch, ScratchMedium medium) {
        return medium == ScratchMedium.Disk ? scratch.plus(EPHEMERAL_HEADROOM) : EPHEMERAL_HEADROOM;
    }

    /**
     * @param cpu, memory, ephemeralStorage: as given, or null for the computed default
     * @throws IllegalArgumentException naming no field: callers know which one was given
     */
    public static ResourceLimits of(Quantity scratch, ScratchMedium medium, Quantity cpu, Quantity memory,
            Quantity ephemeralStorage) {
        Quantity c = cpu != null ? cpu : CPU;
        Quantity m = memory != null ? memory : defaultMemory(scratch, medium);
        Quantity e = ephemeralStorage != null ? ephemeralStorage : defaultEphemeralStorage(scratch, medium);
        return new ResourceLimits(c, m, e, min(CPU_REQUEST, c), min(MEMORY_REQUEST, m), min(EPHEMERAL_REQUEST, e));
    }

    /** Why a memory limit cannot hold a Memory scratch volume, or null when it can (or the scratch is on disk). */
    public static String memoryProblem(Quantity memory, Quantity scratch, ScratchMedium medium) {
        if (medium != ScratchMedium.Memory)
            return null;
        Quantity needed = scratch.plus(MIN_MEMORY_HEADROOM);
        if (memory.compareTo(needed) >= 0)
            return null;
        return "cannot hold the " + scratch.text() + " Memory scratch volume: a tmpfs counts against the container's"
                + " memory limit, and PostgreSQL needs at least " + MIN_MEMORY_HEADROOM.text() + " beside it, or it is"
                + " OOM-killed during the backup. Use at least " + needed.text() + ", a smaller scratchSize, or"
                + " scratchMedium Disk (or leave memoryLimit empty to get " + defaultMemory(scratch, medium).text() + ")";
    }

    /** Why an ephemeral-storage limit cannot hold a Disk scratch volume, or null when it can. */
    public static String ephemeralStorageProblem(Quantity ephemeralStorage, Quantity scratch, ScratchMedium medium) {
        Quantity needed = medium == ScratchMedium.Disk ? scratch.plus(MIN_EPHEMERAL_HEADROOM) : MIN_EPHEMERAL_HEADROOM;
        if (ephemeralStorage.compareTo(needed) >= 0)
            return null;
        return medium == ScratchMedium.Disk
                ? "cannot hold the " + scratch.text() + " Disk scratch volume: an emptyDir on disk counts against the"
                        + " pod's ephemeral-storage limit, and going over it evicts the pod; logs and the chart's own"
                        + " empty-dir need " + MIN_EPHEMERAL_HEADROOM.text() + " beside it. Use at least " + needed.text()
                        + " (or leave ephemeralStorageLimit empty to get " + defaultEphemeralStorage(scratch, medium).text()
                        + ")"
                : "must be at least " + needed.text() + ": logs and the chart's own empty-dir volume use ephemeral storage,"
                        + " and going over the limit evicts the pod";
    }

    /** Why a CPU limit is too small for pg_dump, or null. */
    public static String cpuProblem(Quantity cpu) {
        if (cpu.compareTo(MIN_CPU) >= 0)
            return null;
        return "must be at least " + MIN_CPU.text() + ": pg_dump and the server backend it drives share this limit,"
                + " and below it a dump of any size crawls past the hook timeout";
    }

    private static Quantity min(Quantity a, Quantity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
