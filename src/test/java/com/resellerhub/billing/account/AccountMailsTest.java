package com.resellerhub.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** ACC-8: the "account created" mail, and what happens when the SMTP server is down. */
class AccountMailsTest {

  private final JavaMailSender sender = mock(JavaMailSender.class);
  private final OutgoingMailRepository outgoing = mock(OutgoingMailRepository.class);
  private final AccountEventLog eventLog = mock(AccountEventLog.class);
  private final Clock clock = Clock.fixed(Instant.parse("2025-04-02T10:00:00Z"), ZoneOffset.UTC);
  private final AccountMails mails = new AccountMails(sender, outgoing, eventLog, clock, "billing@test",
      "https://billing.example/password-setup?token=");
  private final OwnerInvited invitation = new OwnerInvited(7L, "Acme GmbH", "otto", "otto@acme.example",
      "Otto Owner", "tok3n", Instant.parse("2025-04-05T10:00:00Z"));

  @Test
  void ACC8_theMailCarriesTheLoginAndTheSetPasswordLink_andIsRecordedAsSent() {
    mails.ownerInvited(invitation);
    ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
    verify(sender).send(sent.capture());
    assertThat(sent.getValue().getTo()).containsExactly("otto@acme.example");
    assertThat(sent.getValue().getText()).contains("otto", "https://billing.example/password-setup?token=tok3n",
        "2025-04-05T10:00:00Z");
    ArgumentCaptor<OutgoingMail> record = ArgumentCaptor.forClass(OutgoingMail.class);
    verify(outgoing).save(record.capture());
    assertThat(record.getValue().getStatus()).isEqualTo(OutgoingMail.Status.SENT);
    verify(eventLog).record(eq(7L), eq(AccountEventType.OWNER_INVITATION_SENT), anyString(), eq(false), any());
  }

  @Test
  void ACC8_anUnreachableSmtpServerDoesNotFail_theFailureIsRecordedForTheOperator() {
    doThrow(new MailSendException("Connection refused")).when(sender).send(any(SimpleMailMessage.class));
    mails.ownerInvited(invitation);
    ArgumentCaptor<OutgoingMail> record = ArgumentCaptor.forClass(OutgoingMail.class);
    verify(outgoing).save(record.capture());
    assertThat(record.getValue().getStatus()).isEqualTo(OutgoingMail.Status.FAILED);
    assertThat(record.getValue().getError()).contains("Connection refused");
    verify(eventLog).record(eq(7L), eq(AccountEventType.OWNER_INVITATION_FAILED), anyString(), eq(false), any());
  }

  @Test
  void ACC8_tokensAreStoredAsSha256Hashes() {
    assertThat(PasswordSetupService.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
