package io.kasumi.junit;

import io.kasumi.Kasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** How the extension behaves over whole runs, seen by running fixture classes in runs of their own. */
class KasumiExtensionTest {

    @Test
    void perJvmScopeSharesOneInstanceAcrossClassesAndClosesItWhenTheRunEnds() throws IOException {
        FixtureRun run = FixtureRun.of(SharedFirst.class, SharedSecond.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.published("port")).hasSize(2).containsOnly(run.published("port").getFirst());
        assertFree(Integer.parseInt(run.published("port").getFirst()));
    }

    @Test
    void perClassScopeGivesEachClassItsOwnInstance() throws IOException {
        FixtureRun run = FixtureRun.of(OwnFirst.class, OwnSecond.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.published("port")).hasSize(2).doesNotHaveDuplicates();
        for (String port : run.published("port")) {
            assertFree(Integer.parseInt(port));
        }
    }

    @Test
    void differentSettingsGetDifferentSharedInstances() {
        FixtureRun run = FixtureRun.of(SharedFirst.class, SharedVerifying.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.published("port")).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void unsupportedClientTypeFailsWithAClearMessage() {
        FixtureRun run = FixtureRun.of(AsksForAnAbstractClient.class);

        assertThat(run.failures()).singleElement().isInstanceOfSatisfying(ParameterResolutionException.class,
                e -> assertThat(e.getMessage()).contains("Kasumi cannot inject software.amazon.awssdk.core.SdkClient",
                        "such as S3Client or SqsAsyncClient", "parameter 0 of", "needsAClient"));
    }

    @Test
    void unrelatedParameterTypeIsLeftToOtherResolvers() {
        FixtureRun run = FixtureRun.of(AsksForABuilder.class);

        assertThat(run.failures()).singleElement().isInstanceOfSatisfying(ParameterResolutionException.class,
                e -> assertThat(e.getMessage()).contains("No ParameterResolver registered", "StsClientBuilder"));
    }

    @Test
    void endpointFieldOfAnotherTypeFailsWithAClearMessage() {
        FixtureRun run = FixtureRun.of(IntEndpointField.class);

        assertThat(run.failures()).singleElement().isInstanceOfSatisfying(ExtensionConfigurationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("@KasumiEndpoint field IntEndpointField.endpoint:"
                        + " an endpoint field must be a URI or a String, not int"));
    }

    @Test
    void unknownAuthModeFailsWithAClearMessage() {
        FixtureRun run = FixtureRun.of(UnknownAuthMode.class);

        assertThat(run.failures()).singleElement().isInstanceOfSatisfying(ExtensionConfigurationException.class,
                e -> assertThat(e.getMessage()).startsWith("@KasumiTest(auth = \"sometimes\"): auth mode must be"));
    }

    @Test
    void extensionWithoutTheAnnotationAsksForIt() {
        FixtureRun run = FixtureRun.of(ExtensionWithoutAnnotation.class);

        assertThat(run.failures()).singleElement().isInstanceOfSatisfying(ExtensionConfigurationException.class,
                e -> assertThat(e.getMessage()).contains("annotate the test class with @KasumiTest"));
    }

    private static void assertFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Fixture
    @KasumiTest(scope = KasumiTest.Scope.PER_JVM)
    static class SharedFirst {
        @Test
        void publishPort(Kasumi kasumi, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(kasumi.port()));
        }
    }

    @KasumiTest(scope = KasumiTest.Scope.PER_JVM)
    static class SharedSecond extends SharedFirst {
    }

    @KasumiTest(scope = KasumiTest.Scope.PER_JVM, auth = "verify")
    static class SharedVerifying extends SharedFirst {
    }

    @KasumiTest
    static class OwnFirst extends SharedFirst {
    }

    @KasumiTest
    static class OwnSecond extends SharedFirst {
    }

    @Fixture
    @KasumiTest
    static class AsksForAnAbstractClient {
        @Test
        void needsAClient(SdkClient client) {
        }
    }

    @Fixture
    @KasumiTest
    static class AsksForABuilder {
        @Test
        void needsABuilder(StsClientBuilder builder) {
        }
    }

    @Fixture
    @KasumiTest
    static class IntEndpointField {
        @KasumiEndpoint
        int endpoint;

        @Test
        void neverRuns() {
        }
    }

    @Fixture
    @KasumiTest(auth = "sometimes")
    static class UnknownAuthMode {
        @Test
        void neverRuns() {
        }
    }

    @Fixture
    @ExtendWith(KasumiExtension.class)
    static class ExtensionWithoutAnnotation {
        @Test
        void neverRuns(Kasumi kasumi) {
        }
    }
}
