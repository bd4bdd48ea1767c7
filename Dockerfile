# Builds the application from this repository and runs it (docker-compose.yml runs it on MySQL 8.4).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp -DskipTests package && cp target/billing-workflows-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 billing
USER billing
WORKDIR /app
COPY --from=build /app.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
