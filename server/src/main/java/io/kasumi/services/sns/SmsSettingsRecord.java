package io.kasumi.services.sns;

import java.util.List;
import java.util.Map;

/**
 * An account's SMS settings in one region: what SetSMSAttributes stored and the phone numbers
 * that opted out (OptInPhoneNumber removes one).
 */
record SmsSettingsRecord(String account, String region, Map<String, String> attributes, List<String> optedOut) {

    static SmsSettingsRecord empty(String account, String region) {
        return new SmsSettingsRecord(account, region, Map.of(), List.of());
    }

    SmsSettingsRecord withAttributes(Map<String, String> updated) {
        return new SmsSettingsRecord(account, region, updated, optedOut);
    }

    SmsSettingsRecord withOptedOut(List<String> updated) {
        return new SmsSettingsRecord(account, region, attributes, updated);
    }
}
