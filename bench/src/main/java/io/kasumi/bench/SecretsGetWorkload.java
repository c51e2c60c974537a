package io.kasumi.bench;

/** Secrets Manager GetSecretValue of one secret by name, as an application reads its configuration. */
record SecretsGetWorkload() implements Workload {
    @Override
    public String name() {
        return "secrets-get";
    }

    @Override
    public String service() {
        return "secretsmanager";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        String name = "bench/db-" + System.nanoTime();
        sdk.secretsManager().createSecret(b -> b.name(name).secretString("{\"user\":\"app\",\"password\":\"s3cr3t-bench\"}"));
        return new Run() {
            @Override
            public int execute() {
                sdk.secretsManager().getSecretValue(b -> b.secretId(name));
                return 1;
            }

            @Override
            public void close() {
                sdk.secretsManager().deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
            }
        };
    }
}
