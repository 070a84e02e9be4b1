package io.pgbackupwizard.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one range of a chart family's versions does, as the rendered charts show it: where its values put the
 * PostgreSQL pod and the credentials, what it names the container, volumes and labels, which image it runs and
 * whether that still pulls, and what it limits by default. Rows of {@link FactsTable}; asked by name, so nothing
 * outside this package compares version numbers.
 *
 * @param layout the values layout's name (metrics and the JSON API): MASTER, PRIMARY, AUTH, PASSWORD_FILES
 * @param podKey top-level values key of the PostgreSQL pod (master or primary), or "" where the pod's keys sit at
 *        the top of the values (podAnnotations, extraVolumes)
 * @param credentialsPath values path of the map holding the three credential keys
 * @param passwordFilesByDefault the container gets $POSTGRES_PASSWORD_FILE instead of $POSTGRES_PASSWORD
 * @param passwordFilesFlag values path of the switch for password files
 * @param superuserPassword the container gets the postgres superuser's password ($POSTGRES_POSTGRES_PASSWORD) whenever
 *        a user is named: relied on from 11.0.0 (10.16.2 does it too; earlier 10.x are unchecked)
 * @param container how the PostgreSQL container is named
 * @param volumes the pod's own volumes besides any extra ones (a copy of them is not a backup), Secret and ConfigMap
 *        volumes included (Velero never copies those, so naming them is harmless)
 * @param podLabels labels on the PostgreSQL pod whatever the release is called
 * @param instanceLabel the label that carries the release name on that pod
 * @param commonLabels commonLabels reach every resource, the pod template included
 * @param podLabelsRender the pod template renders podLabels (8.x indents them wrongly)
 * @param image the image values.yaml names: registry/repository
 * @param freeRepository where docker.io still serves that tag for free in 2026, or null when nowhere
 * @param imageCheck what the chart does with an image it does not know
 * @param resourcesPreset the resources preset that sets limits by default, or null (no limits)
 * @param portVariable the container's variable holding the server's port, if the chart sets one (the hooks fall back
 *        to 5432, the port every family's image listens on by default)
 * @param userIsSuperuser the image makes the chart's user THE superuser ($POSTGRES_USER of the official image, with
 *        $POSTGRES_PASSWORD as its password): no separate postgres role exists to connect as
 * @param credentialValueKey null, or the key each credential's value sits under ("value": user: {value: x})
 * @param superuserPasswordPath null where the chart makes the superuser's password itself (or has none apart), else
 *        the values path the release must set it at (the official image refuses to start without one)
 * @param appPasswordVariable the container's variable holding the chart's user's password
 * @param superuserPasswordVariable the variable holding the postgres superuser's password when the chart's user is
 *        another role, or null where there is no such role
 * @param workloadLabelsKey where the StatefulSet's own labels go in a chart without commonLabels (beside the pod's
 *        podLabels): labels (Bitnami 8.x/9.x, under the pod key) or customLabels (groundhog2k)
 * @param pullSecretsAsRefs the image pull secrets are the pod's imagePullSecrets list of {name: x} at the top of the
 *        values (groundhog2k), not image.pullSecrets, a list of names
 * @param scratchVolume null: the values add their own emptyDir for the dump; else the chart's own emptyDir the dump
 *        must use (a chart without extra volumes), mounted at {@code scratchMount}, with no sizeLimit
 */
public record ChartFacts(String versions, String layout, String podKey, List<String> credentialsPath,
        String usernameKey, String passwordKey, String databaseKey, boolean passwordFilesByDefault,
        List<String> passwordFilesFlag, boolean superuserPassword, ContainerNaming container, List<String> volumes,
        Map<String, String> podLabels, String instanceLabel, boolean commonLabels, boolean podLabelsRender,
        String imageRegistry, String imageRepository, String freeRepository, ImageCheck imageCheck,
        String resourcesPreset, String portVariable, boolean userIsSuperuser, String credentialValueKey,
        List<String> superuserPasswordPath, String appPasswordVariable, String superuserPasswordVariable,
        String workloadLabelsKey, boolean pullSecretsAsRefs, String scratchVolume, String scratchMount) {

    /** How the chart names the PostgreSQL container. */
    public enum ContainerNaming {
        /** The chart's fullname: the release name when it contains "postgresql", else release-postgresql (63 max). */
        FULLNAME,
        /** Always "postgresql". */
        POSTGRESQL,
        /** The chart's name, or the alias a parent chart gives the dependency (Helm renames the chart to it). */
        CHART_NAME,
        /** Always "postgres" (CloudNativePG's instance pods, made by the operator). */
        POSTGRES
    }

    /** What the chart does when the image is not the one it names. */
    public enum ImageCheck {
        /** Nothing. */
        NONE,
        /** NOTES.txt fails the install unless global.security.allowInsecureImages is true. */
        FAILS,
        /** As FAILS, but a swap to the same image under bitnamilegacy only warns. */
        LEGACY_WARNS
    }

    /**
     * The PostgreSQL container's name for a release (Velero must exec in it).
     *
     * @param installedAs the chart's name where it is installed: its own, or the alias of a parent chart's dependency
     */
    public String containerName(String release, String installedAs) {
        return switch (container) {
            case POSTGRESQL -> "postgresql";
            case POSTGRES -> "postgres";
            case CHART_NAME -> installedAs;
            case FULLNAME -> {
                String full = release.contains("postgresql") ? release : release + "-postgresql";
                if (full.length() > 63)
                    full = full.substring(0, 63);
                yield full.replaceAll("-+$", "");
            }
        };
    }

    /**
     * The labels on the PostgreSQL pod whatever the release is called; where the container follows the chart's name,
     * app.kubernetes.io/name does too.
     */
    public Map<String, String> podLabels(String installedAs) {
        if (container != ContainerNaming.CHART_NAME || !podLabels.containsKey(NAME_LABEL))
            return podLabels;
        Map<String, String> m = new LinkedHashMap<>(podLabels);
        m.put(NAME_LABEL, installedAs);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final String NAME_LABEL = "app.kubernetes.io/name";

    /** The values path of a key of the PostgreSQL pod ("primary.podAnnotations", or "podAnnotations" at the top). */
    public List<String> podPath(String key) {
        return podKey.isEmpty() ? List.of(key) : List.of(podKey, key);
    }

    /** Whether the dump must go to one of the chart's own volumes (it takes no extra ones). */
    public boolean usesChartScratch() {
        return scratchVolume != null;
    }

    /** Whether docker.io still serves the image tag this chart names, for free. */
    public boolean freeImageExists() {
        return freeRepository != null;
    }

    /** Whether the chart limits the container by default (a resources preset). */
    public boolean limitsByDefault() {
        return resourcesPreset != null;
    }

    /** The values path of the credential called {@code key} (usernameKey(), passwordKey() or databaseKey()). */
    public List<String> credential(String key) {
        List<String> path = new ArrayList<>(credentialsPath);
        path.add(key);
        if (credentialValueKey != null)
            path.add(credentialValueKey);
        return List.copyOf(path);
    }

    /** A copy to change for the next row of the table. */
    Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a row; each {@link FactsTable#since} row starts as a copy of the one before it. */
    public static final class Builder {
        private String versions = "";
        private String layout;
        private String podKey;
        private List<String> credentialsPath;
        private String usernameKey;
        private String passwordKey;
        private String databaseKey;
        private boolean passwordFilesByDefault;
        private List<String> passwordFilesFlag;
        private boolean superuserPassword;
        private ContainerNaming container;
        private List<String> volumes;
        private Map<String, String> podLabels;
        private String instanceLabel;
        private boolean commonLabels;
        private boolean podLabelsRender;
        private String imageRegistry;
        private String imageRepository;
        private String freeRepository;
        private ImageCheck imageCheck = ImageCheck.NONE;
        private String resourcesPreset;
        private String portVariable;
        private boolean userIsSuperuser;
        private String credentialValueKey;
        private List<String> superuserPasswordPath;
        private String appPasswordVariable = "POSTGRES_PASSWORD";
        private String superuserPasswordVariable;
        private String workloadLabelsKey = "labels";
        private boolean pullSecretsAsRefs;
        private String scratchVolume;
        private String scratchMount;

        Builder() {
        }

        private Builder(ChartFacts f) {
            layout = f.layout;
            podKey = f.podKey;
            credentialsPath = f.credentialsPath;
            usernameKey = f.usernameKey;
            passwordKey = f.passwordKey;
            databaseKey = f.databaseKey;
            passwordFilesByDefault = f.passwordFilesByDefault;
            passwordFilesFlag = f.passwordFilesFlag;
            superuserPassword = f.superuserPassword;
            container = f.container;
            volumes = f.volumes;
            podLabels = f.podLabels;
            instanceLabel = f.instanceLabel;
            commonLabels = f.commonLabels;
            podLabelsRender = f.podLabelsRender;
            imageRegistry = f.imageRegistry;
            imageRepository = f.imageRepository;
            freeRepository = f.freeRepository;
            imageCheck = f.imageCheck;
            resourcesPreset = f.resourcesPreset;
            portVariable = f.portVariable;
            userIsSuperuser = f.userIsSuperuser;
            credentialValueKey = f.credentialValueKey;
            superuserPasswordPath = f.superuserPasswordPath;
            appPasswordVariable = f.appPasswordVariable;
            superuserPasswordVariable = f.superuserPasswordVariable;
            workloadLabelsKey = f.workloadLabelsKey;
            pullSecretsAsRefs = f.pullSecretsAsRefs;
            scratchVolume = f.scratchVolume;
            scratchMount = f.scratchMount;
        }

        public Builder layout(String name, String podKey) {
            this.layout = name;
            this.podKey = podKey;
            return this;
        }

        public Builder credentials(List<String> path, String username, String password, String database) {
            this.credentialsPath = List.copyOf(path);
            usernameKey = username;
            passwordKey = password;
            databaseKey = database;
            return this;
        }

        public Builder passwordFiles(boolean byDefault, String... flag) {
            passwordFilesByDefault = byDefault;
            passwordFilesFlag = List.of(flag);
            return this;
        }

        public Builder superuserPassword(boolean always) {
            superuserPassword = always;
            return this;
        }

        public Builder container(ContainerNaming naming) {
            container = naming;
            return this;
        }

        public Builder volumes(String... names) {
            volumes = List.of(names);
            return this;
        }

        public Builder podLabels(String instanceLabel, String... keysAndValues) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2)
                m.put(keysAndValues[i], keysAndValues[i + 1]);
            podLabels = java.util.Collections.unmodifiableMap(m);
            this.instanceLabel = instanceLabel;
            return this;
        }

        public Builder commonLabels(boolean reachPods) {
            commonLabels = reachPods;
            return this;
        }

        public Builder podLabelsRender(boolean render) {
            podLabelsRender = render;
            return this;
        }

        public Builder image(String registry, String repository) {
            imageRegistry = registry;
            imageRepository = repository;
            return this;
        }

        public Builder freeRepository(String repository) {
            freeRepository = repository;
            return this;
        }

        public Builder imageCheck(ImageCheck check) {
            imageCheck = check;
            return this;
        }

        public Builder resourcesPreset(String preset) {
            resourcesPreset = preset;
            return this;
        }

        public Builder port(String variable) {
            portVariable = variable;
            return this;
        }

        public Builder userIsSuperuser(boolean only) {
            userIsSuperuser = only;
            return this;
        }

        /** Credentials written as key: {value: x}. */
        public Builder credentialValues(String key) {
            credentialValueKey = key;
            return this;
        }

        /** The release must set the superuser's password at this values path. */
        public Builder superuserPasswordAt(String... path) {
            superuserPasswordPath = List.of(path);
            return this;
        }

        public Builder passwordVariables(String app, String superuser) {
            appPasswordVariable = app;
            superuserPasswordVariable = superuser;
            return this;
        }

        public Builder workloadLabels(String key) {
            workloadLabelsKey = key;
            return this;
        }

        public Builder pullSecretsAsRefs(boolean refs) {
            pullSecretsAsRefs = refs;
            return this;
        }

        /** The dump goes to the chart's own emptyDir {@code volume} at {@code mountPath}: no extra volumes possible. */
        public Builder chartScratch(String volume, String mountPath) {
            scratchVolume = volume;
            scratchMount = mountPath;
            return this;
        }

        ChartFacts build(String versions) {
            return new ChartFacts(versions, layout, podKey, credentialsPath, usernameKey, passwordKey, databaseKey,
                    passwordFilesByDefault, passwordFilesFlag, superuserPassword, container, volumes, podLabels,
                    instanceLabel, commonLabels, podLabelsRender, imageRegistry, imageRepository, freeRepository,
                    imageCheck, resourcesPreset, portVariable, userIsSuperuser, credentialValueKey, superuserPasswordPath,
                    appPasswordVariable, superuserPasswordVariable, workloadLabelsKey, pullSecretsAsRefs, scratchVolume,
                    scratchMount);
        }
    }
}
