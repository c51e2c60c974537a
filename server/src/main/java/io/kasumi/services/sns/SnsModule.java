package io.kasumi.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.AwsException;
import io.kasumi.api.sns.SnsApi;
import io.kasumi.auth.CredentialRegistry;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.services.ServiceContext;
import io.kasumi.services.ApiModule;

import java.util.Objects;
import java.util.Optional;

/**
 * Registers SNS. Its internal endpoints under {@code /_kasumi/sns}: {@code /messages} (captured
 * email, SMS and platform-endpoint messages; DELETE clears), {@code /opt-outs} (POST a
 * {@code phoneNumber}, optionally {@code account} and {@code region}, as if it had replied STOP),
 * the signing certificate, and the SubscribeURL and UnsubscribeURL targets that notifications carry.
 */
public final class SnsModule extends ApiModule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsRegistry registry;
    private final PlatformRegistry platforms;
    private final SmsSettings sms;
    private final CapturedMessages captured;
    private final FifoTopics fifo;
    private final MessageSigner signer;
    private final SnsService service;

    public SnsModule(ServiceContext context) {
        SnsStore store = new SnsStore(context.store());
        SnsRegistry registry = new SnsRegistry(store);
        PlatformRegistry platforms = new PlatformRegistry(store);
        SmsSettings sms = new SmsSettings(store);
        CapturedMessages captured = new CapturedMessages();
        FifoTopics fifo = new FifoTopics();
        MessageSigner signer = new MessageSigner();
        Fanout fanout = new Fanout(context.links(), new FilterPolicies(), new Notifications(signer), captured,
                new HttpDeliveries(), platforms);
        SnsService service = new SnsService(registry, fanout, fifo, new MobilePush(platforms), sms);
        super(SnsApi.SERVICE_NAME, service, SnsApi.handlers(service));
        this.registry = registry;
        this.platforms = platforms;
        this.sms = sms;
        this.captured = captured;
        this.fifo = fifo;
        this.signer = signer;
        this.service = service;
    }

    @Override
    public Optional<HttpResponse> internalEndpoint(String path, HttpRequest request) {
        return Optional.ofNullable(switch (path) {
            case "/messages" -> switch (request.method()) {
                case "GET" -> messages(request);
                case "DELETE" -> {
                    captured.clear();
                    yield HttpResponse.of(204, null, new byte[0]);
                }
                default -> HttpResponse.text(405, "text/plain", "GET or DELETE");
            };
            case "/opt-outs" -> request.method().equals("POST")
                    ? answer("OptOutPhoneNumber", () -> {
                        service.optOut(Objects.requireNonNullElse(request.queryParameter("account"), CredentialRegistry.DEFAULT_ACCOUNT),
                                Objects.requireNonNullElse(request.queryParameter("region"), "us-east-1"),
                                request.queryParameter("phoneNumber"));
                        return null;
                    })
                    : HttpResponse.text(405, "text/plain", "POST");
            case Notifications.CERTIFICATE_PATH -> HttpResponse.text(200, "application/x-pem-file", signer.certificatePem());
            case Notifications.CONFIRM_PATH -> answer("ConfirmSubscription", () ->
                    "<SubscriptionArn>" + xml(service.confirm(request.queryParameter("TopicArn"), request.queryParameter("Token")))
                            + "</SubscriptionArn>");
            case Notifications.UNSUBSCRIBE_PATH -> answer("Unsubscribe", () -> {
                service.unsubscribe(request.queryParameter("SubscriptionArn"));
                return null;
            });
            default -> null;
        });
    }

    /** The captured messages, optionally only those to one endpoint, of one protocol or from one topic. */
    private HttpResponse messages(HttpRequest request) {
        String endpoint = request.queryParameter("endpoint");
        String protocol = request.queryParameter("protocol");
        String topicArn = request.queryParameter("topicArn");
        try {
            return HttpResponse.of(200, "application/json", JSON.writeValueAsBytes(captured.list(m ->
                    (endpoint == null || endpoint.equals(m.endpoint()))
                            && (protocol == null || protocol.equals(m.protocol()))
                            && (topicArn == null || topicArn.equals(m.topicArn())))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query-style XML answer for the URLs a subscriber follows from a browser or mail client. */
    private static HttpResponse answer(String action, java.util.function.Supplier<String> result) {
        try {
            String body = result.get();
            String xml = "<" + action + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                    + (body == null ? "" : "<" + action + "Result>" + body + "</" + action + "Result>")
                    + "<ResponseMetadata><RequestId>" + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                    + action + "Response>";
            return HttpResponse.text(200, "text/xml", xml);
        } catch (AwsException e) {
            String xml = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>"
                    + xml(SnsErrors.wireCode(e)) + "</Code><Message>" + xml(Objects.toString(e.getMessage(), ""))
                    + "</Message></Error></ErrorResponse>";
            return HttpResponse.text(e.httpStatus(), "text/xml", xml);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void reset() {
        registry.reset();
        platforms.forget();
        sms.forget();
        captured.clear();
        fifo.clear();
    }
}
