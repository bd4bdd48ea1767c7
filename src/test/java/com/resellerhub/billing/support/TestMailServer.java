package com.resellerhub.billing.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real in-process SMTP server (GreenMail) for the integration tests, started once per JVM on a free port; the
 * application context is pointed at it. Part of {@link IntegrationTest}, so every integration test has the same
 * context.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static GreenMail greenMail;

  public static synchronized GreenMail greenMail() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      greenMail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    }
    return greenMail;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    GreenMail server = greenMail();
    TestPropertyValues.of(
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + server.getSmtp().getPort()).applyTo(context);
  }

  /** The mails received for this address so far, without waiting. */
  public static List<MimeMessage> mailsReceivedBy(String address) {
    return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }

  /** The mails received for this address, waiting up to 10 s for the first. */
  public static List<MimeMessage> mailsTo(String address) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<MimeMessage> found = Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
        try {
          return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
          return false;
        }
      }).toList();
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        return found;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return found;
      }
    }
  }
}
