package bookbot.bench.cpustage;

import org.springframework.beans.factory.config.BeanPostProcessor;

import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;

/** Puts the cost in front of the enrich stage's handler; every other bean, the writer's handler too, is left as it is. */
final class EnrichStageDecorator implements BeanPostProcessor {

    private final Runnable cost;

    EnrichStageDecorator(Runnable cost) {
        this.cost = cost;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof StageHandler handler && handler.stage() == Stage.ENRICH) {
            return new CostBeforeStage(cost, handler);
        }
        return bean;
    }
}
