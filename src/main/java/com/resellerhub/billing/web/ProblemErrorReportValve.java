package com.resellerhub.billing.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * SEC-8: the answers Tomcat writes itself, before any servlet (a request whose headers exceed 8 KB, a request line
 * it cannot parse), are RFC 9457 problems too instead of Tomcat's HTML page. Replaces the host's error report valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    boolean headersTooLarge = status == 400 && throwable != null && throwable.getMessage() != null
        && throwable.getMessage().toLowerCase().contains("header");
    String rule = headersTooLarge ? "headers-too-large" : known == null ? "error" : ErrorWording.rule(known);
    String detail = headersTooLarge ? ErrorWording.detail(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
        : known == null ? "The request failed" : ErrorWording.detail(known);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String json = "{\"type\":\"urn:problem:" + rule + "\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is committed: nothing more to say.
    }
  }

  /** Puts this valve in place of the one Spring Boot adds to the host. */
  @Component
  public static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        var pipeline = context.getParent().getPipeline();
        for (Valve valve : pipeline.getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
            pipeline.removeValve(valve);
          }
        }
        if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        ProblemErrorReportValve valve = new ProblemErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        pipeline.addValve(valve);
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
