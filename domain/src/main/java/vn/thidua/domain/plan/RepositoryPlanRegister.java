package vn.thidua.domain.plan;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.model.PlanRegister;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Refusal;

import java.util.function.Supplier;

/** The plan register kept as {@link PlanRegistration} aggregates in the event store. */
public class RepositoryPlanRegister implements PlanRegister {

    private final Supplier<? extends Repository<PlanRegistration>> registrations;

    /** The repository is looked up on first use: applications build it after the register. */
    public RepositoryPlanRegister(Supplier<? extends Repository<PlanRegistration>> registrations) {
        this.registrations = registrations;
    }

    @Override
    public void register(CampaignPlan plan, String campaignId) {
        String registrationId = plan.key().registrationId();
        Aggregate<PlanRegistration> registration;
        try {
            registration = registrations.get().loadOrCreate(registrationId, PlanRegistration::new);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        String holder = registration.invoke(PlanRegistration::campaignId);
        if (holder != null) {
            throw new DomainRuleException(Refusal.PLAN_ALREADY_LAUNCHED, "plan.documentNumber",
                    plan.documentNumber(), plan.issuer().name(), holder);
        }
        registration.execute(r -> r.register(registrationId, plan.issuer().name(), plan.documentNumber(),
                campaignId));
    }
}
