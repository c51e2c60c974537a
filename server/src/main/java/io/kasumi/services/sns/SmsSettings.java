package io.kasumi.services.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each account's SMS settings and opted-out phone numbers per region, held in memory over the store. */
final class SmsSettings {
    private final SnsStore store;
    private final Map<String, SmsSettingsRecord> settings = new ConcurrentHashMap<>();

    SmsSettings(SnsStore store) {
        this.store = store;
        store.load(new SnsStore.Loaded() {
            @Override
            public void sms(SmsSettingsRecord record) {
                settings.put(key(record.account(), record.region()), record);
            }
        });
    }

    SmsSettingsRecord of(String account, String region) {
        return settings.getOrDefault(key(account, region), SmsSettingsRecord.empty(account, region));
    }

    synchronized void setAttributes(String account, String region, Map<String, String> changes) {
        Map<String, String> updated = new LinkedHashMap<>(of(account, region).attributes());
        changes.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                updated.remove(name);
            } else {
                updated.put(name, value);
            }
        });
        put(of(account, region).withAttributes(updated));
    }

    synchronized void optOut(String account, String region, String phoneNumber) {
        SmsSettingsRecord current = of(account, region);
        if (!current.optedOut().contains(phoneNumber)) {
            List<String> updated = new ArrayList<>(current.optedOut());
            updated.add(phoneNumber);
            put(current.withOptedOut(updated));
        }
    }

    synchronized void optIn(String account, String region, String phoneNumber) {
        SmsSettingsRecord current = of(account, region);
        if (current.optedOut().contains(phoneNumber)) {
            List<String> updated = new ArrayList<>(current.optedOut());
            updated.remove(phoneNumber);
            put(current.withOptedOut(updated));
        }
    }

    private void put(SmsSettingsRecord record) {
        store.putSms(record);
        settings.put(key(record.account(), record.region()), record);
    }

    /** Forgets what memory holds; the store is cleared by {@link SnsRegistry#reset()}. */
    synchronized void forget() {
        settings.clear();
    }

    private static String key(String account, String region) {
        return account + "/" + region;
    }
}
