package org.qrtrace.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.qrtrace.events.Topics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

/**
 * The floor of the check-in benchmark: the least any service could do for a check-in on this machine, run in its own
 * JVM beside the stack and loaded by the same generator. Mode {@code http}: read the POST body and answer 201 with a
 * small JSON body, nothing else (the cost of HTTP itself, client included). Mode {@code kafka}: also produce the body
 * to Kafka with the check-in service's producer settings ({@code acks=all}, idempotent, lz4, its default 1 ms linger; {@code BENCH_FLOOR_LINGER_MS} for another) and answer
 * only once the broker acknowledged it (the cost of the Kafka-first rule, with no validation, crypto or JSON). A
 * check-in service can be no faster than these; the ratio of each to pgbench says how far any implementation could go.
 *
 * <p>{@code java -cp ... org.qrtrace.bench.FloorServer PORT http|kafka [BOOTSTRAP]}
 */
public final class FloorServer {

    static final String TOPIC = "bench.floor";
    private static final int EVENT_BYTES = 770;

    private FloorServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        boolean kafka = args[1].equals("kafka");
        // As many event loops as Quarkus gives a service by default (2 per core).
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2 * Runtime.getRuntime().availableProcessors()));
        KafkaProducer<String, byte[]> producer = kafka ? new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[2],
                ProducerConfig.CLIENT_ID_CONFIG, "bench-floor",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, Integer.parseInt(System.getenv().getOrDefault("BENCH_FLOOR_LINGER_MS", "1")),
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer()) : null;
        if (kafka) {
            createTopic(args[2]);
        }
        Buffer answer = Buffer.buffer("{\"checkinId\":\"" + UUID.randomUUID() + "\",\"checkedInAt\":\"2026-12-02T00:00:00Z\"}");
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    if (producer == null) {
                        created(request, answer);
                    } else {
                        producer.send(new ProducerRecord<>(TOPIC, "venue", eventSized(body)), (metadata, error) -> {
                            if (error == null) {
                                created(request, answer);
                            } else {
                                request.response().setStatusCode(503).end();
                            }
                        });
                    }
                }))
                .listen().toCompletionStage().toCompletableFuture().join();
        System.out.println("floor server (" + args[1] + ") listening on 127.0.0.1:" + port);
    }

    /** The floor's own topic, shaped like checkin.events (its partitions and configs), left in place for later runs. */
    private static void createTopic(String bootstrap) {
        Topics.TopicSpec spec = Topics.ALL.stream().filter(t -> t.name().equals(Topics.CHECKIN_EVENTS)).findFirst().orElseThrow();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, spec.partitions(), (short) 1).configs(spec.config())))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }

    /**
     * The body grown to a {@code CheckedIn} event's size (~770 B, capacity-plan.md) with random bytes, as incompressible
     * as the sealed contact and pseudonym that make up much of a real event.
     */
    private static byte[] eventSized(Buffer body) {
        byte[] random = new byte[Math.max(0, (EVENT_BYTES - body.length()) * 3 / 4)];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        return body.appendString(java.util.Base64.getEncoder().encodeToString(random)).getBytes();
    }

    private static void created(HttpServerRequest request, Buffer answer) {
        request.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(answer);
    }
}
