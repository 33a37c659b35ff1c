package io.sideline.sport.api.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;

/** The {@link SportRegistry}: every {@link Sport} service, as sport plugins are installed and removed. */
@Component(service = SportRegistry.class)
public final class InstalledSports implements SportRegistry {

    private final List<Sport> sports = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSport")
    void addSport(Sport sport) {
        sports.add(sport);
    }

    void removeSport(Sport sport) {
        sports.remove(sport);
    }

    @Override
    public List<Sport> sports() {
        List<Sport> out = new ArrayList<>(sports);
        out.sort(Comparator.comparing(Sport::name).thenComparing(Sport::id));
        return List.copyOf(out);
    }

    @Override
    public Optional<Sport> find(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        return sports.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
