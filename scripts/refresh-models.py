#!/usr/bin/env python3
"""Vendors the structure of botocore's service models into api/src/main/resources/models.

Strips every documentation string and example so the project carries AWS's API facts
(names, shapes, types, traits) and not AWS's prose. Run by hand when refreshing models;
the build never needs Python or botocore.

usage: scripts/refresh-models.py [service ...]   (default: the services listed in SERVICES)
"""
import gzip, json, os, sys

SERVICES = [
    "sts", "s3", "dynamodb", "dynamodbstreams", "sqs", "sns", "lambda", "apigateway",
    "apigatewayv2", "logs", "iam", "kms", "secretsmanager", "ssm", "cloudwatch", "kinesis",
]
DROP = {"documentation", "documentationUrl", "examples", "deprecatedMessage", "docs"}
OUT = os.path.join(os.path.dirname(__file__), "..", "api", "src", "main", "resources", "models")


def strip(node, names=False):
    """Drops prose keys; under "members", "shapes" and "operations" the keys are names, kept."""
    if isinstance(node, dict):
        return {k: strip(v, k in ("members", "shapes", "operations"))
                for k, v in node.items() if names or k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def newest(data_dir, service):
    versions = sorted(os.listdir(os.path.join(data_dir, service)))
    for version in reversed(versions):
        base = os.path.join(data_dir, service, version, "service-2.json")
        for candidate in (base, base + ".gz"):
            if os.path.exists(candidate):
                return candidate
    raise SystemExit(f"no service-2.json for {service}")


def write_index():
    """Routing facts of every vendored model (patch metadata applied), so the server routes without loading models."""
    index = {}
    for name in sorted(os.listdir(OUT)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(OUT, name), encoding="utf-8") as f:
            meta = json.load(f)["metadata"]
        patch = os.path.join(OUT, "patches", name)
        if os.path.exists(patch):
            # the patch overlay's metadata wins, as when the server loads the model (SQS adds query)
            with open(patch, encoding="utf-8") as f:
                meta.update(json.load(f).get("metadata", {}))
        index[name[:-5]] = {
            "serviceId": meta.get("serviceId"),
            "apiVersion": meta.get("apiVersion"),
            "endpointPrefix": meta.get("endpointPrefix"),
            "signingName": meta.get("signingName", meta.get("endpointPrefix")),
            "targetPrefix": meta.get("targetPrefix"),
            "protocols": meta.get("protocols", [meta.get("protocol")]),
        }
    with open(os.path.join(OUT, "routing", "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    import botocore
    data_dir = os.path.join(os.path.dirname(botocore.__file__), "data")
    for service in sys.argv[1:] or SERVICES:
        path = newest(data_dir, service)
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            model = strip(json.load(f))
        with open(os.path.join(OUT, service + ".json"), "w", encoding="utf-8") as f:
            json.dump(model, f, separators=(",", ":"))  # keep model order: XML member order follows it
            f.write("\n")
        print(f"{service}: {path} (botocore {botocore.__version__})")
    write_index()


if __name__ == "__main__":
    main()
