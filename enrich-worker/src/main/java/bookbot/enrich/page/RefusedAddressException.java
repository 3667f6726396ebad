package bookbot.enrich.page;

import java.net.UnknownHostException;

/** A link led to an address bookbot does not connect to. An IOException so that OkHttp passes it through. */
class RefusedAddressException extends UnknownHostException {

    RefusedAddressException(String message) {
        super(message);
    }
}
