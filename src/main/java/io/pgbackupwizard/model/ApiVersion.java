package io.pgbackupwizard.model;

/** The KOTS HelmChart API versions the wizard writes. */
public enum ApiVersion {
    V1BETA1("kots.io/v1beta1"),
    V1BETA2("kots.io/v1beta2");

    private final String value;

    ApiVersion(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The values as written in a manifest, in order. */
    public static java.util.List<String> texts() {
        return java.util.Arrays.stream(values()).map(ApiVersion::value).toList();
    }

    public static ApiVersion parse(String text) {
        return EnumValues.parse(values(), ApiVersion::value, text);
    }
}
