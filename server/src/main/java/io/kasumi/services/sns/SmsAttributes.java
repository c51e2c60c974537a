package io.kasumi.services.sns;

import java.util.Set;

/** The account SMS settings SetSMSAttributes accepts, and their values. */
final class SmsAttributes {
    private static final Set<String> NAMES = Set.of("MonthlySpendLimit", "DeliveryStatusIAMRole",
            "DeliveryStatusSuccessSamplingRate", "DefaultSenderID", "DefaultSMSType", "UsageReportS3Bucket");

    static void check(String name, String value) {
        if (!NAMES.contains(name)) {
            throw SnsErrors.invalidParameter(name);
        }
        String v = value == null ? "" : value;
        switch (name) {
            case "DefaultSMSType" -> {
                if (!v.equals("Promotional") && !v.equals("Transactional")) {
                    throw SnsErrors.invalidParameter("DefaultSMSType Reason: must be Promotional or Transactional");
                }
            }
            case "MonthlySpendLimit" -> {
                if (!v.matches("[0-9]+")) {
                    throw SnsErrors.invalidParameter("MonthlySpendLimit Reason: must be a whole number of US dollars");
                }
            }
            case "DeliveryStatusSuccessSamplingRate" -> {
                if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) > 100) {
                    throw SnsErrors.invalidParameter("DeliveryStatusSuccessSamplingRate Reason: must be 0 to 100");
                }
            }
            default -> {
                // role, sender ID and report bucket are kept as given
            }
        }
    }

    private SmsAttributes() {
    }
}
