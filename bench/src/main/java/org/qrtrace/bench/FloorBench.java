package org.qrtrace.bench;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * The check-in benchmark's floors (see {@link FloorServer}): the same stepped open-model load, the same generator and
 * connections, against a server in its own JVM that does only HTTP, or only HTTP plus a Kafka-first produce. Run in the
 * same run as pgbench and the real check-ins, they bound what any check-in service could reach on this machine.
 */
final class FloorBench {

    /** Floors go far higher than the service: start where the service's steps end. */
    static final int[] RATES = {1000, 2000, 3000, 4000, 6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000, 60000};
    private static final int[] WARM_UP = {500, 1000, 2000};
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("BENCH_FLOOR_PORT", "18090"));

    private final Stack stack;

    FloorBench(Stack stack) {
        this.stack = stack;
    }

    /** @param mode {@code http} or {@code kafka} */
    List<OpenLoad.Result> stepUp(String mode, Duration step) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-Xmx512m", "-Dorg.apache.logging.log4j.level=FATAL",
                "-cp", System.getProperty("java.class.path"), FloorServer.class.getName(), String.valueOf(PORT), mode,
                stack.env.getProperty("KAFKA_BOOTSTRAP", "127.0.0.1:9092"))
                .redirectErrorStream(true).redirectOutput(stack.dir.resolve("logs/bench-floor.log").toFile()).start();
        try (OpenLoad load = new OpenLoad("http://127.0.0.1:" + PORT, CheckinBench.CONNECTIONS, 4096)) {
            awaitPort(server);
            System.out.println("floor (" + mode + "): the same load against " + FloorServer.class.getSimpleName() + " " + mode);
            CpuMeter cpu = new CpuMeter(stack.dir).with("floor server (" + mode + ")", server.pid());
            String token = "floor-" + "x".repeat(120); // never read: the floor does not verify
            return CheckinBench.stepUp(load, cpu, WARM_UP, RATES, step, i -> CheckinBench.checkin(token, CheckinBench.nextPhone()));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void awaitPort(Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the floor server stopped; see logs/bench-floor.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the floor server did not listen on " + PORT);
    }
}
