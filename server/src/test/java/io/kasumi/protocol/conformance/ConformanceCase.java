package io.kasumi.protocol.conformance;

import io.kasumi.model.ServiceModel;
import software.amazon.smithy.protocoltests.traits.HttpMalformedRequestTestCase;
import software.amazon.smithy.protocoltests.traits.HttpRequestTestCase;
import software.amazon.smithy.protocoltests.traits.HttpResponseTestCase;

/** One server-side case of the Smithy protocol test suites, bound to the converted service model. */
public sealed interface ConformanceCase {

    /** How the suites group cases; malformed and validation cases are reported apart. */
    enum Kind {
        REQUEST("request"),
        RESPONSE("response"),
        MALFORMED("malformed request"),
        VALIDATION("validation");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    ConformanceProtocol protocol();

    ServiceModel model();

    /** The operation the case exercises (an error case: the first operation declaring the error). */
    String operation();

    String id();

    Kind kind();

    default String displayName() {
        return id() + " (" + operation() + ")";
    }

    /** A request the server must parse into the case's params. */
    record RequestCase(ConformanceProtocol protocol, ServiceModel model, String operation, HttpRequestTestCase test)
            implements ConformanceCase {
        @Override
        public String id() {
            return test.getId();
        }

        @Override
        public Kind kind() {
            return Kind.REQUEST;
        }
    }

    /** Params the server must serialize into the case's response; errorShape is null for an output. */
    record ResponseCase(ConformanceProtocol protocol, ServiceModel model, String operation, String errorShape,
                        HttpResponseTestCase test) implements ConformanceCase {
        @Override
        public String id() {
            return test.getId();
        }

        @Override
        public Kind kind() {
            return Kind.RESPONSE;
        }

        @Override
        public String displayName() {
            return errorShape == null ? ConformanceCase.super.displayName() : id() + " (" + operation() + " -> " + errorShape + ")";
        }
    }

    /**
     * A request the server must reject with the case's error response. Parameterized cases share
     * the suite's id, so {@code id} carries a "#n" suffix to keep each one distinct.
     */
    record MalformedCase(ConformanceProtocol protocol, ServiceModel model, String operation, String id, Kind kind,
                         HttpMalformedRequestTestCase test) implements ConformanceCase {
    }
}
