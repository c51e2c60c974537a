package io.kasumi.junit;

import io.kasumi.Kasumi;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.Arrays;
import java.util.List;

/**
 * What makes one Kasumi of the extension different from another; classes whose settings are equal
 * share an instance when the scope allows it.
 *
 * @param scope how long the instance lives
 * @param services the enabled services, sorted; empty for all
 * @param auth off, verify or enforce
 * @param region the region of injected clients
 */
record KasumiSettings(KasumiTest.Scope scope, List<String> services, String auth, String region) {

    static KasumiSettings of(KasumiTest test) {
        return new KasumiSettings(test.scope(), Arrays.stream(test.services()).sorted().distinct().toList(),
                test.auth(), test.region());
    }

    RunningKasumi start() {
        Kasumi.Builder builder = Kasumi.builder().port(0).services(services);
        try {
            builder.authMode(auth).config(); // validates the mode before anything starts
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@KasumiTest(auth = \"" + auth + "\"): " + e.getMessage(), e);
        }
        return new RunningKasumi(builder.start(), region);
    }
}
