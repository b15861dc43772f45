package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.perflink.api.host.ContractCodec;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.core.HostRouting;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.api.stage.TargetCheck;

/**
 * What the stage bundles and the host bundle publish, bound dynamically: a stage whose bundle is stopped or
 * uninstalled is simply absent here, and the commands and the page say it is not installed. Nothing in admin
 * reaches into a stage's implementation.
 */
@Component(service = StageServices.class, immediate = true)
public final class StageServices {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<RuleCatalog> catalogs = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TargetCheck targetCheck;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LinkSimulation linkSimulation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ContractCodec contractCodec;

    /** Every host gateway with its service properties (a region's configuration selects one: HostRouting). */
    private final Map<HostGateway, Map<String, ?>> hostGateways = new ConcurrentHashMap<>();

    public StageServices() {
        // bound by SCR
    }

    /** For tests and the command line: the given services, as if bound. */
    public static StageServices of(List<RuleCatalog> catalogs, TargetCheck targetCheck, LinkSimulation linkSimulation,
            ContractCodec contractCodec, HostGateway hostGateway) {
        return of(catalogs, targetCheck, linkSimulation, contractCodec,
                hostGateway == null ? Map.of() : Map.of(hostGateway, Map.of(HostGateway.HOST_PROPERTY, HostRouting.DEFAULT_HOST)));
    }

    /** As {@link #of(List, TargetCheck, LinkSimulation, ContractCodec, HostGateway)}, with gateways and their properties. */
    public static StageServices of(List<RuleCatalog> catalogs, TargetCheck targetCheck, LinkSimulation linkSimulation,
            ContractCodec contractCodec, Map<HostGateway, Map<String, ?>> hostGateways) {
        StageServices s = new StageServices();
        s.catalogs = List.copyOf(catalogs);
        s.targetCheck = targetCheck;
        s.linkSimulation = linkSimulation;
        s.contractCodec = contractCodec;
        s.hostGateways.putAll(hostGateways);
        return s;
    }

    /** The catalogues of the installed stages, in stage order (one per stage). */
    public List<RuleCatalog> installed() {
        List<RuleCatalog> list = new ArrayList<>();
        Set<Stage> seen = EnumSet.noneOf(Stage.class);
        List<RuleCatalog> bound = new ArrayList<>(catalogs);
        bound.sort(Comparator.comparing(RuleCatalog::stage));
        for (RuleCatalog c : bound) {
            if (seen.add(c.stage())) {
                list.add(c);
            }
        }
        return list;
    }

    /** The stages without a catalogue, in stage order. */
    public List<Stage> missing() {
        Set<Stage> missing = EnumSet.allOf(Stage.class);
        installed().forEach(c -> missing.remove(c.stage()));
        return List.copyOf(missing);
    }

    public Optional<RuleCatalog> catalog(Stage stage) {
        return installed().stream().filter(c -> c.stage() == stage).findFirst();
    }

    public Optional<TargetCheck> targetCheck() {
        return Optional.ofNullable(targetCheck);
    }

    public Optional<LinkSimulation> linkSimulation() {
        return Optional.ofNullable(linkSimulation);
    }

    public Optional<ContractCodec> contractCodec() {
        return Optional.ofNullable(contractCodec);
    }

    /** The host gateways there are now, each with its service properties. */
    public Map<HostGateway, Map<String, ?>> hostGateways() {
        return Map.copyOf(hostGateways);
    }

    @Reference(service = HostGateway.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindHostGateway")
    void bindHostGateway(HostGateway gateway, Map<String, Object> properties) {
        hostGateways.put(gateway, Map.copyOf(properties));
    }

    void unbindHostGateway(HostGateway gateway) {
        hostGateways.remove(gateway);
    }
}
