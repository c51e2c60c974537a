package io.kasumi.junit;

import io.kasumi.Kasumi;
import io.kasumi.clock.VirtualClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

@KasumiTest
class ConstructorAndFieldInjectionTest {
    @KasumiClient
    static Kasumi sharedKasumi;
    static URI endpointBeforeAll;

    @KasumiClient
    StsClient sts;
    @KasumiClient
    VirtualClock clock;
    @KasumiEndpoint
    URI endpoint;
    @KasumiEndpoint
    String endpointText;

    private final Kasumi kasumi;
    private final StsClient constructorSts;
    private StsClient beforeEachSts;

    ConstructorAndFieldInjectionTest(Kasumi kasumi, StsClient sts) {
        this.kasumi = kasumi;
        this.constructorSts = sts;
    }

    @BeforeAll
    static void beforeAll(URI endpoint) {
        endpointBeforeAll = endpoint;
    }

    @BeforeEach
    void beforeEach(StsClient sts) {
        beforeEachSts = sts;
    }

    @Test
    void constructorAndLifecycleMethodsGetTheSameInstance() {
        assertThat(kasumi).isSameAs(sharedKasumi);
        assertThat(endpointBeforeAll).isEqualTo(URI.create(kasumi.endpoint()));
        assertThat(constructorSts).isSameAs(beforeEachSts).isSameAs(sts);
    }

    @Test
    void fieldsAreSet() {
        assertThat(endpoint).isEqualTo(URI.create(kasumi.endpoint()));
        assertThat(endpointText).isEqualTo(kasumi.endpoint());
        assertThat(clock).isSameAs(kasumi.clock());
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
    }

    @Nested
    class NestedClasses {
        @KasumiClient
        Kasumi nestedKasumi;

        @Test
        void shareTheOuterInstance(Kasumi injected) {
            assertThat(injected).isSameAs(kasumi).isSameAs(nestedKasumi);
        }
    }
}
