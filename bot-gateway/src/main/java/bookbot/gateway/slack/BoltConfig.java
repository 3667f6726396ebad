package bookbot.gateway.slack;

import java.time.Clock;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppHomeOpenedEvent;

import bookbot.gateway.GatewaySettings;
import bookbot.integration.slack.SlackSettings;
import io.micrometer.core.instrument.MeterRegistry;
import bookbot.gateway.form.BookModal;

/** Bolt, wired to our handlers and served at {@code POST /slack/events}. Bolt verifies every request's signature. */
@Configuration(proxyBeanMethods = false)
class BoltConfig {

    static final String SLACK_EVENTS_PATH = "/slack/events";

    @Bean
    AppConfig slackAppConfig(GatewaySettings gateway, SlackSettings slack, Slack slackClient) {
        return AppConfig.builder()
                .signingSecret(gateway.signingSecret())
                .singleTeamBotToken(slack.botToken())
                .slack(slackClient)
                .build();
    }

    @Bean
    App slackApp(AppConfig config, GatewaySettings settings, OpenFormCommand openForm, ModalSubmission modal,
            LegacyDialogSubmission dialog, ShareFromMessage shareFromMessage, OpenEmptyForm emptyForm,
            ShareMenu shareMenu, EditSubmission edit, HomeOpened homeOpened) {
        App app = new App(config);
        app.command(settings.command(), openForm);
        app.command(WarmUp.COMMAND, (request, context) -> context.ack());
        app.viewSubmission(BookModal.CALLBACK_ID, modal);
        app.messageShortcut(ShareFromMessage.CALLBACK_ID, shareFromMessage);
        app.globalShortcut(OpenEmptyForm.SHORTCUT_CALLBACK_ID, emptyForm::fromShortcut);
        app.blockAction(OpenEmptyForm.HOME_BUTTON_ACTION_ID, emptyForm::fromHome);
        app.blockAction(ShareMenu.ACTION_ID, shareMenu);
        app.viewSubmission(BookModal.EDIT_CALLBACK_ID, edit);
        app.event(AppHomeOpenedEvent.class, homeOpened);
        // The original bot's dialog used its own callback id; this app opens no other dialog.
        app.dialogSubmission(Pattern.compile(".*"), dialog);
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(App app, AppConfig config,
            GatewaySettings settings, MeterRegistry registry) {
        SlackEventsServlet servlet = new SlackEventsServlet(app, new SlackRequestParser(config),
                new SlackRequestGuard(settings.signingSecret(), Clock.systemUTC()), registry,
                settings.maxBodySize().toBytes());
        return new ServletRegistrationBean<>(servlet, SLACK_EVENTS_PATH);
    }
}
