package org.qrtrace.deploy.infra;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * DEVELOPMENT AND TESTS ONLY: a real SMPP 3.4 SMSC on 127.0.0.1 (the server side of jsmpp) standing in for a carrier's,
 * so that the system's SMS sender talks the protocol it will talk in production. It accepts transmitter, receiver and
 * transceiver binds of one system id and password, answers submit_sm with a message id (short_message or
 * message_payload; concatenated parts joined, see {@link SmsPart}), optionally throttles, sends delivery receipts with a
 * configured delay and failure rate ({@link DeliveryReceipts}; with a message log, the receipts owed are kept beside it
 * in {@value #RECEIPT_JOURNAL} and sent after a restart), and shows what it received: a JSON-lines log, read when asked,
 * {@link #messages()} in process and {@code GET /messages} over HTTP ({@link SmscHttpApi}).
 *
 * <p>The local stack runs it as its own process ({@code LocalStackMain smsc}) so a fault test can kill it; tests start it
 * in process with {@link #start(Config)}.
 */
public final class SmscServer implements AutoCloseable {

    /**
     * @param systemId            the one system id allowed to bind (SMPP: at most 15 characters)
     * @param password            its password (SMPP 3.4: at most 8 characters)
     * @param port                SMPP port; 0 for any free one
     * @param httpPort            port of {@code /messages}; 0 for any free one
     * @param messageLog          JSON-lines file of received messages, kept across restarts (the receipts owed are kept
     *                            beside it); null to keep both in memory
     * @param receiptDelay        how long after a submit its delivery receipt is sent
     * @param failureRate         share of messages whose receipt says UNDELIV or EXPIRED (half each, on average)
     * @param failureSeed         seed of the outcome draws: the same seed and submits give the same outcomes
     * @param maxSubmitsPerSecond submits accepted in any one second, beyond which ESME_RTHROTTLED; 0 for no limit
     * @param clock               the time of "received at" and of the receipts' dates
     */
    public record Config(String systemId, String password, int port, int httpPort, Path messageLog,
                         Duration receiptDelay, double failureRate, long failureSeed, int maxSubmitsPerSecond,
                         Clock clock, SSLContext tls) {

        public static final Duration DEFAULT_RECEIPT_DELAY = Duration.ofSeconds(1);

        public Config {
            if (systemId == null || systemId.isEmpty() || systemId.length() > 15) {
                throw new IllegalArgumentException("systemId must have 1 to 15 characters (SMPP 3.4)");
            }
            if (password == null || password.isEmpty() || password.length() > 8) {
                throw new IllegalArgumentException("password must have 1 to 8 characters (SMPP 3.4)");
            }
            if (port < 0 || port > 65535 || httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("ports must be 0 to 65535");
            }
            if (receiptDelay == null || receiptDelay.isNegative()) {
                throw new IllegalArgumentException("receiptDelay must be zero or more");
            }
            if (!(failureRate >= 0 && failureRate <= 1)) {
                throw new IllegalArgumentException("failureRate must be between 0 and 1");
            }
            if (maxSubmitsPerSecond < 0) {
                throw new IllegalArgumentException("maxSubmitsPerSecond must be 0 (no limit) or more");
            }
            Objects.requireNonNull(clock, "clock");
        }

        /** Any free ports, no log file, receipts after {@link #DEFAULT_RECEIPT_DELAY}, all delivered, no throttle. */
        public static Config of(String systemId, String password) {
            return new Config(systemId, password, 0, 0, null, DEFAULT_RECEIPT_DELAY, 0, 1, 0, Clock.systemUTC(), null);
        }

        public Config withPorts(int port, int httpPort) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }

        public Config withMessageLog(Path messageLog) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }

        public Config withReceiptDelay(Duration receiptDelay) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }

        public Config withFailures(double failureRate, long failureSeed) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }

        public Config withMaxSubmitsPerSecond(int maxSubmitsPerSecond) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }

        /** SMPP over TLS with this context's key (null: plain TCP, the default), as gateways that offer TLS do. */
        public Config withTls(SSLContext tls) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }

        public Config withClock(Clock clock) {
            return new Config(systemId, password, port, httpPort, messageLog, receiptDelay, failureRate, failureSeed,
                    maxSubmitsPerSecond, clock, tls);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmscServer.class);
    /** What this SMSC calls itself in bind responses. */
    private static final String SMSC_SYSTEM_ID = "qrtrace-smsc";
    /** A connection that has not bound by then is closed (SMPP's session initiation timer). */
    private static final long BIND_TIMEOUT_MILLIS = 10_000;
    /** The receipts owed, in the message log's folder. */
    static final String RECEIPT_JOURNAL = "receipts.jsonl";

    private final Config config;
    private final SmscMessageLog log;
    private final ConcatenatedParts concatenated = new ConcatenatedParts();
    private final SubmitThrottle throttle;
    private final DeliveryReceipts receipts;
    /** Open sessions, with the system id they bound as (empty until bound). */
    private final Map<SMPPServerSession, String> sessions = new ConcurrentHashMap<>();
    private final SecureRandom messageIds = new SecureRandom();
    private final ExecutorService binds = Executors.newCachedThreadPool(r -> daemon(r, "smsc-bind"));
    private final SMPPServerSessionListener listener;
    private final int port;
    private final SmscHttpApi http;
    private final Thread acceptor;
    private volatile boolean closing;

    private SmscServer(Config config, SmscMessageLog log) throws IOException {
        this.config = config;
        this.log = log;
        this.throttle = new SubmitThrottle(config.maxSubmitsPerSecond());
        // Beside the message log: the receipts owed, so that a restarted SMSC still sends them (a carrier's does).
        this.receipts = new DeliveryReceipts(config.receiptDelay(), config.failureRate(), config.failureSeed(),
                config.clock(), this::receiverFor,
                config.messageLog() == null ? null : ReceiptJournal.open(config.messageLog().resolveSibling(RECEIPT_JOURNAL)));
        LoopbackListen listen = new LoopbackListen(config.tls());
        try {
            this.listener = new SMPPServerSessionListener(config.port(), listen);
        } catch (IOException | RuntimeException e) {
            receipts.close();
            throw e;
        }
        this.port = listen.socket.getLocalPort();
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() { });
        listener.setSessionStateListener(this::onStateChange);
        SmscHttpApi api;
        try {
            api = SmscHttpApi.start(config.httpPort(), log, this::clearMessages);
        } catch (IOException e) {
            listener.close();
            receipts.close();
            throw e;
        }
        this.http = api;
        this.acceptor = new Thread(this::acceptConnections, "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening; the received messages already in {@code config.messageLog()} are shown again. */
    public static SmscServer start(Config config) throws IOException {
        SmscMessageLog log = SmscMessageLog.open(config.messageLog());
        try {
            return new SmscServer(config, log);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public int httpPort() {
        return http.port();
    }

    /** Every message received (and not cleared), oldest first; concatenated parts joined (read from the log). */
    public List<SmscMessage> messages() {
        return log.all();
    }

    /** How many messages {@link #messages()} would answer, without reading them. */
    public int messageCount() {
        return log.size();
    }

    /** Forgets the received messages, in memory and in the log file (the same as {@code DELETE /messages}). */
    public void clearMessages() {
        try {
            log.clear();
            concatenated.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + log.file(), e);
        }
    }

    private void acceptConnections() {
        while (!closing) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.put(session, "");
                binds.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("accepting an SMPP connection failed: {}", e.toString());
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest bind = session.waitForBind(BIND_TIMEOUT_MILLIS);
            int refusal = refusalOf(bind);
            if (refusal != SMPPConstant.STAT_ESME_ROK) {
                LOG.info("bind {} refused: status {}", bind.getSystemId(), refusal);
                // The client closes the connection on the refusal; closing it here as well lost the response.
                bind.reject(refusal);
                return;
            }
            // Known before the bind_resp goes out: a submit may follow it at once.
            sessions.put(session, bind.getSystemId());
            bind.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            LOG.info("{} bound as {}", bind.getSystemId(), bind.getBindType());
        } catch (TimeoutException e) {
            session.close();
        } catch (IOException | PDUStringException | IllegalStateException e) {
            LOG.warn("bind failed: {}", e.toString());
            session.close();
        }
    }

    private int refusalOf(BindRequest bind) {
        if (!config.systemId().equals(bind.getSystemId())) {
            return SMPPConstant.STAT_ESME_RINVSYSID;
        }
        byte[] given = Objects.requireNonNullElse(bind.getPassword(), "").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(config.password().getBytes(StandardCharsets.UTF_8), given)) {
            return SMPPConstant.STAT_ESME_RINVPASWD;
        }
        return SMPPConstant.STAT_ESME_ROK;
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && source instanceof SMPPServerSession session) {
            sessions.remove(session);
        }
    }

    /** A session bound as {@code systemId} that can take a deliver_sm now (receiver or transceiver). */
    private Optional<SMPPServerSession> receiverFor(String systemId) {
        return sessions.entrySet().stream()
                .filter(e -> e.getValue().equals(systemId) && e.getKey().getSessionState().isReceivable())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private SubmitSmResult accept(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        String systemId = sessions.get(session);
        if (systemId == null || systemId.isEmpty()) {
            throw new ProcessRequestException("not bound", SMPPConstant.STAT_ESME_RINVBNDSTS);
        }
        if (!throttle.tryAcquire(System.nanoTime())) {
            throw new ProcessRequestException("more than " + config.maxSubmitsPerSecond() + " submits per second",
                    SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        SmsPart part = SmsPart.of(submit);
        String messageId = HexFormat.of().toHexDigits(messageIds.nextLong());
        Instant now = config.clock().instant();
        String source = Objects.requireNonNullElse(submit.getSourceAddr(), "");
        String destination = Objects.requireNonNullElse(submit.getDestAddress(), "");
        try {
            if (part.concatenation() == null) {
                log.append(new SmscMessage(messageId, List.of(messageId), systemId, source, destination,
                        SmsPart.decode(part.userData(), part.dataCoding()), part.dataCoding(), 1, now));
            } else {
                Optional<ConcatenatedParts.Joined> whole = concatenated.add(systemId, source, destination, part, messageId);
                if (whole.isPresent()) {
                    List<String> ids = whole.get().messageIds();
                    log.append(new SmscMessage(ids.get(0), ids, systemId, source, destination,
                            SmsPart.decode(whole.get().userData(), part.dataCoding()), part.dataCoding(), ids.size(), now));
                }
            }
        } catch (IOException e) {
            throw new ProcessRequestException("cannot record the message: " + e, SMPPConstant.STAT_ESME_RSYSERR, e);
        }
        DeliveryReceipts.Outcome outcome = receipts.nextOutcome();
        if (DeliveryReceipts.wanted(submit.getRegisteredDelivery(), outcome)) {
            try {
                receipts.schedule(systemId, submit, messageId, SmsPart.decode(part.userData(), part.dataCoding()), now, outcome);
            } catch (IOException | RuntimeException e) {
                // The message is recorded: answer it, or the sender would send it again. Only its receipt is missing.
                LOG.warn("no receipt for {}: {}", messageId, e.toString());
            }
        }
        try {
            return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new IllegalStateException(e); // 16 hex digits are a valid message id
        }
    }

    /** The requests an SMSC answers: submit_sm; the others are refused as not supported here. */
    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            return accept(submitSm, source);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported("submit_multi");
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported("query_sm");
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported("replace_sm");
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported("cancel_sm");
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported("broadcast_sm");
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported("cancel_broadcast_sm");
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported("query_broadcast_sm");
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported("data_sm");
        }

        private ProcessRequestException unsupported(String command) {
            return new ProcessRequestException(command + " is not supported by the local SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** jsmpp's own server socket listens on every interface; the local SMSC listens on 127.0.0.1 only. */
    private static final class LoopbackListen implements ServerConnectionFactory {
        private final SSLContext tls;
        private ServerSocket socket;

        LoopbackListen(SSLContext tls) {
            this.tls = tls;
        }

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            socket = tls == null ? new ServerSocket(port, backlog, InetAddress.getLoopbackAddress())
                    : tls.getServerSocketFactory().createServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        try {
            listener.close();
            sessions.keySet().forEach(SMPPServerSession::close);
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            receipts.close();
            binds.shutdownNow();
            http.close();
            log.close();
        }
    }
}
