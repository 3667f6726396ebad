package bookbot.sandbox.drill;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;

/** The demo's club members sharing the demo's books through the gateway, as signed Slack requests. */
final class Members {

    private final SandboxClient sandbox;
    private final SlackRequests requests;
    private final SlackAppClient gateway;

    Members(URI gatewayUrl, SandboxClient sandbox, String signingSecret) {
        this.sandbox = sandbox;
        this.requests = new SlackRequests(signingSecret, Clock.systemUTC());
        this.gateway = new SlackAppClient(gatewayUrl.resolve("/slack/events"));
    }

    /** @return the books whose form the gateway accepted (queued for enrich and write) */
    List<SampleBooks.Share> shareTheDemosBooks() {
        return SampleBooks.ALL.stream().filter(this::accepted).toList();
    }

    private boolean accepted(SampleBooks.Share share) {
        SlackAppClient.Answer answer = new SlackMember(share.userId(), requests, gateway, sandbox)
                .shareBook("/book", share.form());
        return answer.status() == 200 && answer.body().isEmpty();
    }
}
