package io.kasumi.services.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.ExternalTool;
import io.kasumi.Kasumi;
import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS CLI and boto3, as users run them against Kasumi. */
class StsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create().authMode("verify");

    @Test
    void awsCliGetCallerIdentity() throws Exception {
        ExternalTool.require("aws");

        ExternalTool.Result result = ExternalTool.run(
                List.of("aws", "--endpoint-url", kasumi.endpoint(), "sts", "get-caller-identity", "--output", "json"),
                ExternalTool.awsEnvironment(kasumi), Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode identity = JSON.readTree(result.stdout());
        assertThat(identity.get("Account").asText()).isEqualTo("000000000000");
        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void awsCliAssumeRoleThenUseTheCredentials() throws Exception {
        ExternalTool.require("aws");

        ExternalTool.Result assumed = ExternalTool.run(
                List.of("aws", "sts", "assume-role", "--role-arn", "arn:aws:iam::222233334444:role/admin",
                        "--role-session-name", "cli", "--output", "json"),
                ExternalTool.awsEnvironment(kasumi), Duration.ofSeconds(60));
        assertThat(assumed.exitCode()).as(assumed.stderr()).isZero();
        JsonNode credentials = JSON.readTree(assumed.stdout()).get("Credentials");

        java.util.Map<String, String> env = new java.util.HashMap<>(ExternalTool.awsEnvironment(kasumi));
        env.put("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asText());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.get("SecretAccessKey").asText());
        env.put("AWS_SESSION_TOKEN", credentials.get("SessionToken").asText());
        ExternalTool.Result identity = ExternalTool.run(List.of("aws", "sts", "get-caller-identity", "--output", "json"),
                env, Duration.ofSeconds(60));

        assertThat(identity.exitCode()).as(identity.stderr()).isZero();
        assertThat(JSON.readTree(identity.stdout()).get("Arn").asText())
                .isEqualTo("arn:aws:sts::222233334444:assumed-role/admin/cli");
    }

    @Test
    void boto3AssumeRoleAndCallerIdentity() throws Exception {
        ExternalTool.requirePythonModule("boto3");
        String script = """
                import boto3, json
                sts = boto3.client("sts")
                creds = sts.assume_role(RoleArn="arn:aws:iam::333344445555:role/app", RoleSessionName="py")["Credentials"]
                session = boto3.client("sts", aws_access_key_id=creds["AccessKeyId"],
                                       aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
                me = session.get_caller_identity()
                print(json.dumps({"Account": me["Account"], "Arn": me["Arn"]}))
                """;

        ExternalTool.Result result = ExternalTool.run(List.of("python3", "-c", script),
                ExternalTool.awsEnvironment(kasumi), Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode identity = JSON.readTree(result.stdout());
        assertThat(identity.get("Account").asText()).isEqualTo("333344445555");
        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:sts::333344445555:assumed-role/app/py");
    }
}
