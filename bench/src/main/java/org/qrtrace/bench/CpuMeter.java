package org.qrtrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by each part of the local stack (Linux /proc): the services, Kafka, PostgreSQL (the postmaster and
 * every backend it forked) and the benchmark's own process, so a run can say where its CPU went per request.
 */
final class CpuMeter {

    /** CPU seconds per component at one moment. */
    record Sample(long nanos, Map<String, Double> cpuSeconds) {
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux
    private final Path stackDir;
    private final Path postmasterPid;
    private final Map<String, Long> extra = new LinkedHashMap<>();

    CpuMeter(Path stackDir) {
        this.stackDir = stackDir;
        this.postmasterPid = stackDir.resolve("postgres/postmaster.pid");
    }

    /** Also counts a process of the benchmark's own (e.g. the floor server it started). */
    CpuMeter with(String name, long pid) {
        extra.put(name, pid);
        return this;
    }

    Sample sample() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("load generator (bench)", seconds(ProcessHandle.current().pid(), false));
        for (String name : List.of("checkin-service", "venue-service", "tracing-service", "kafka", "postgres")) {
            Long pid = pidOf(name);
            if (name.equals("postgres")) {
                // pg_ctl detaches the postmaster from the launcher: count both, with the postmaster's backends
                Long postmaster = firstLineOf(postmasterPid);
                out.put(name, (pid == null ? 0 : seconds(pid, false)) + (postmaster == null ? 0 : seconds(postmaster, true)));
            } else if (pid != null) {
                out.put(name, seconds(pid, false));
            }
        }
        extra.forEach((name, pid) -> out.put(name, seconds(pid, false)));
        return new Sample(System.nanoTime(), out);
    }

    /** Cores used by each component between two samples, and CPU microseconds per request when {@code requests > 0}. */
    static String report(Sample before, Sample after, long requests) {
        double wall = (after.nanos() - before.nanos()) / 1e9;
        StringBuilder s = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : after.cpuSeconds().entrySet()) {
            double used = e.getValue() - before.cpuSeconds().getOrDefault(e.getKey(), 0.0);
            total += used;
            s.append(String.format("  %-24s %5.2f cores %8.0f µs/request%n", e.getKey(), used / wall,
                    requests > 0 ? used * 1e6 / requests : Double.NaN));
        }
        s.append(String.format("  %-24s %5.2f cores %8.0f µs/request%n", "total", total / wall,
                requests > 0 ? total * 1e6 / requests : Double.NaN));
        return s.toString();
    }

    private Long pidOf(String name) {
        return pidOf(stackDir, name);
    }

    /** The pid a component of the local stack was started with (its pids/NAME.pid), or null when it is not there. */
    static Long pidOf(Path stackDir, String name) {
        return firstLineOf(stackDir.resolve("pids").resolve(name + ".pid"));
    }

    private static Long firstLineOf(Path file) {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readAllLines(file).get(0).trim()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * utime + stime of a process, and with {@code withDescendants} of every process below it still running (the local
     * stack's PostgreSQL is a launcher JVM, its postmaster and the postmaster's backends).
     */
    private static double seconds(long pid, boolean withDescendants) {
        if (!withDescendants) {
            return ticks(pid) / TICKS;
        }
        Map<Long, List<Long>> children = new java.util.HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long child = Long.parseLong(p.getFileName().toString());
                String[] f = stat(child);
                if (f != null) {
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(child);
                }
            }
        } catch (IOException e) {
            // a process list that cannot be read counts the process alone
        }
        long sum = 0;
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            long p = todo.pop();
            sum += ticks(p);
            todo.addAll(children.getOrDefault(p, List.of()));
        }
        return sum / TICKS;
    }

    private static long ticks(long pid) {
        String[] f = stat(pid);
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Fields of /proc/pid/stat after the command name: [0]=state, [1]=ppid, ..., [11]=utime, [12]=stime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
