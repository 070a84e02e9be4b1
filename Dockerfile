# Build: docker build -t pg-backup-wizard .
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
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app wizard
WORKDIR /app
# Quarkus fast-jar layout: dependencies first, so a code change leaves that layer cached.
COPY --from=build /src/target/quarkus-app/lib/ lib/
COPY --from=build /src/target/quarkus-app/*.jar ./
COPY --from=build /src/target/quarkus-app/app/ app/
COPY --from=build /src/target/quarkus-app/quarkus/ quarkus/
USER 10001
# The live set is a few MB and requests allocate little: a small heap and the serial collector keep the
# resident memory under 200 MB after load with no loss of throughput (bench/README.md). bench/run reads this line.
ENV PORT=8080 \
    JAVA_OPTS="-XX:+UseSerialGC -Xmx64m -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Ready = the generator produced the default release; bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf "GET /q/health/ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
# exec: java is PID 1 and gets SIGTERM, so Quarkus shuts down gracefully.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
