# Build: docker build -t pg-backup-wizard .   (podman/buildah: add --format docker, or HEALTHCHECK is dropped)
# Run:   docker run --rm -p 8080:8080 pg-backup-wizard
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The same Maven as CI and the README: ./mvnw downloads the version pinned in .mvn/wrapper/ (a layer of its own;
# with neither curl nor wget it downloads with the JDK, with no unzip it takes the .tar.gz).
COPY mvnw ./
COPY .mvn ./.mvn
RUN ./mvnw -B -q -v
COPY pom.xml .
RUN ./mvnw -B -q dependency:go-offline || true
COPY src ./src
# aot-jar: the fast-jar layout started with a plain class path (no Quarkus class loader), so the JDK's
# AOT cache below can hold the app's and the libraries' classes, not only the JDK's. No tests are compiled and the
# formatter does not run: the image needs neither, and both hold jar files open (a builder's 1024-file limit broke
# the build when the formatter joined).
RUN ./mvnw -B -q package -Dmaven.test.skip=true -Dformat.skip=true -Dquarkus.package.jar.type=aot-jar

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app wizard
WORKDIR /app
# Dependencies first, so a code change leaves that layer cached.
COPY --from=build /src/target/quarkus-app/lib/ lib/
COPY --from=build /src/target/quarkus-app/*.jar ./
COPY --from=build /src/target/quarkus-app/app/ app/
COPY --from=build /src/target/quarkus-app/quarkus/ quarkus/
# The live set is a few MB: a 48 MB heap and the serial collector. Only the C1 compiler and two malloc arenas:
# with C2 the resident set after load was 182-195 MiB (its compiler arenas and code; returning freed native
# memory with TrimNativeHeapInterval was not enough), with C1 154 MiB, and start-up and the first page are
# faster too; the price is about 2x the CPU per request under sustained load, which an internal service that
# mostly idles and scales out on CPU can pay (README, Performance). bench/run and bench/soak read this line.
ENV PORT=8080 MANAGEMENT_PORT=9000 MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:+UseSerialGC -Xmx48m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# The JDK's AOT cache (JEP 483/514/515), made here by a training run over every endpoint with the flags
# above, on the very files and JDK the container runs: start-up to the first answer in about half the
# time (README, Performance). Rebuilt with the image, so it never goes stale.
COPY src/main/docker/aot-train /usr/local/bin/aot-train
RUN bash /usr/local/bin/aot-train /app && rm /app/aot-train.log
USER 10001
EXPOSE 8080 9000
# Ready = the generator produced the default release; bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT} && printf "GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
# exec: java is PID 1 and gets SIGTERM, so Quarkus shuts down gracefully. Run from /app with the class
# path the cache was trained with; a JAVA_OPTS the cache does not fit only loses the cache (a warning).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=app.aot -jar quarkus-run.jar"]
