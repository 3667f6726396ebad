package bookbot.gateway.form;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FormConfig {

    @Bean
    Taxonomy taxonomy(FormSettings settings) {
        return new Taxonomy(settings.categories());
    }

    @Bean
    FormValidator formValidator(FormSettings settings, Taxonomy taxonomy) {
        return new FormValidator(settings, taxonomy);
    }

    @Bean
    BookModal bookModal(Taxonomy taxonomy, FormSettings settings, MessageSource messages) {
        return new BookModal(taxonomy, settings, messages);
    }
}
