package io.kasumi.services.sns;

import io.kasumi.store.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Applications, endpoints and SMS settings are read back from the store by a fresh registry. */
class SnsPlatformStoreTest {

    @Test
    void reloadsApplicationsEndpointsAndSmsSettings() {
        InMemoryStore kv = new InMemoryStore();
        SnsStore store = new SnsStore(kv);
        PlatformRegistry platforms = new PlatformRegistry(store);
        PlatformApplicationRecord app = new PlatformApplicationRecord("111122223333", "eu-west-1", "GCM", "news",
                Map.of("PlatformCredential", "key"));
        platforms.put(app);
        EndpointRecord endpoint = new EndpointRecord(
                "arn:aws:sns:eu-west-1:111122223333:endpoint/GCM/news/1", app.arn(), "GCM",
                Map.of("Token", "t", "Enabled", "true"), 1);
        platforms.create(endpoint, existing -> existing);
        SmsSettings sms = new SmsSettings(store);
        sms.setAttributes("111122223333", "eu-west-1", Map.of("DefaultSMSType", "Transactional"));
        sms.optOut("111122223333", "eu-west-1", "+15555550100");

        PlatformRegistry reloaded = new PlatformRegistry(new SnsStore(kv));
        assertThat(reloaded.application(app.arn())).contains(app);
        assertThat(reloaded.endpointsOf(app.arn())).containsExactly(endpoint);
        SmsSettingsRecord settings = new SmsSettings(new SnsStore(kv)).of("111122223333", "eu-west-1");
        assertThat(settings.attributes()).containsEntry("DefaultSMSType", "Transactional");
        assertThat(settings.optedOut()).isEqualTo(List.of("+15555550100"));

        reloaded.delete(app);
        assertThat(new PlatformRegistry(new SnsStore(kv)).endpointsOf(app.arn())).isEmpty();
    }
}
