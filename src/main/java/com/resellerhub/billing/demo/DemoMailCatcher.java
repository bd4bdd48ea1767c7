package com.resellerhub.billing.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's mail catcher: an in-process SMTP server (GreenMail) on {@code spring.mail.host:port} (127.0.0.1:1025),
 * so the demo's mails (a new owner's set-password link, a review escalation) are delivered, never an incident, and
 * a demo admin reads them at {@code GET /api/admin/demo-mails}. On with {@code billing.demo.mail-catcher=true}
 * (the {@code demo} profile); when the port is taken (a Mailpit of your own, say), the mails go there instead.
 */
@RestController
@ConditionalOnProperty(name = "billing.demo.mail-catcher", havingValue = "true")
@Tag(name = "admin", description = "Admin API: camunda-admin")
public class DemoMailCatcher implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DemoMailCatcher.class);

  private final String host;
  private final int port;
  private GreenMail server;

  /** Listens where the application sends its mail ({@code spring.mail.host} and {@code port}). */
  public DemoMailCatcher(MailProperties mail) {
    String host = mail.getHost() == null ? "localhost" : mail.getHost();
    this.host = "localhost".equals(host) ? "127.0.0.1" : host;
    this.port = mail.getPort() == null ? 25 : mail.getPort();
  }

  /** One caught mail. */
  public record CaughtMail(Instant sentAt, String from, List<String> to, String subject, String text) {}

  @Override
  public void afterPropertiesSet() {
    try {
      GreenMail mail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
      mail.start();
      server = mail;
      log.info("Demo mail catcher listening on {}:{}; read the mails at GET /api/admin/demo-mails", host, port);
    } catch (RuntimeException e) {
      log.warn("Demo mail catcher not started ({}:{} is taken?): mails go to whatever listens there", host, port);
    }
  }

  @Override
  public void destroy() {
    if (server != null) {
      server.stop();
    }
  }

  @GetMapping("/api/admin/demo-mails")
  @Operation(summary = "The mails the demo sent, newest first (demo profile only); ?to= filters by recipient")
  public List<CaughtMail> mails(@RequestParam(required = false) String to) throws MessagingException, IOException {
    List<CaughtMail> mails = new ArrayList<>();
    if (server == null) {
      return mails;
    }
    for (MimeMessage message : server.getReceivedMessages()) {
      List<String> recipients = message.getAllRecipients() == null ? List.of()
          : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
      if (to != null && recipients.stream().noneMatch(r -> r.contains(to))) {
        continue;
      }
      Object content = message.getContent();
      String text = content instanceof String s ? s : String.valueOf(content);
      Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
      String from = message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
      mails.add(0, new CaughtMail(sent, from, recipients, message.getSubject(), text));
    }
    return mails;
  }
}
