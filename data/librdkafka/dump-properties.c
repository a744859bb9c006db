/*
 * Prints librdkafka's own property table as tab-separated rows, for rlfe's model of
 * librdkafka 1.9.2 (data/librdkafka/properties-1.9.2.tsv). It is compiled against the
 * librdkafka source tree that rdkafka-sys configured for this build (so every
 * build-dependent entry, such as a feature that is not built, is as built), by
 * data/librdkafka/regenerate.sh. The table is `static` in rdkafka_conf.c, hence the
 * include.
 *
 * Columns: level (global|topic), name, type, flags, vmin, vmax, vdef, sdef (or the
 * alias target), unsupported, validator, set_handler, s2i (val=str[!unsupported];...),
 * the refusal text of a Java-only entry, dmin, dmax, ddef, desc (the description,
 * which deprecation warnings quote).
 */
#include "rdkafka_conf.c"

static const char *type_name(int t) {
        switch (t) {
        case _RK_C_STR: return "str";
        case _RK_C_INT: return "int";
        case _RK_C_DBL: return "dbl";
        case _RK_C_S2I: return "s2i";
        case _RK_C_S2F: return "s2f";
        case _RK_C_BOOL: return "bool";
        case _RK_C_PTR: return "ptr";
        case _RK_C_PATLIST: return "patlist";
        case _RK_C_KSTR: return "kstr";
        case _RK_C_ALIAS: return "alias";
        case _RK_C_INTERNAL: return "internal";
        case _RK_C_INVALID: return "invalid";
        }
        return "?";
}

static const char *validator_name(const struct rd_kafka_property *p) {
        if (!p->validate) return "";
        if (p->validate == rd_kafka_conf_validate_single) return "single";
        if (p->validate == rd_kafka_conf_validate_broker_version) return "broker_version";
        if (p->validate == rd_kafka_conf_validate_partitioner) return "partitioner";
        return "other";
}

/* Tabs, line breaks and backslashes written as \t, \n and \\. */
static void field(const char *s) {
        for (; s && *s; s++) {
                if (*s == '\t') fputs("\\t", stdout);
                else if (*s == '\n') fputs("\\n", stdout);
                else if (*s == '\\') fputs("\\\\", stdout);
                else putchar(*s);
        }
        putchar('\t');
}

int main(void) {
        const struct rd_kafka_property *p;
        for (p = rd_kafka_properties; p->name; p++) {
                char buf[64];
                int j;
                field(p->scope & _RK_GLOBAL ? "global" : "topic");
                field(p->name);
                field(type_name(p->type));
                buf[0] = '\0';
                if (p->scope & _RK_PRODUCER) strcat(buf, "P");
                if (p->scope & _RK_CONSUMER) strcat(buf, "C");
                if (p->scope & _RK_DEPRECATED) strcat(buf, "D");
                if (p->scope & _RK_HIDDEN) strcat(buf, "H");
                if (p->scope & _RK_EXPERIMENTAL) strcat(buf, "X");
                if (p->scope & _RK_SENSITIVE) strcat(buf, "S");
                field(buf);
                printf("%d\t%d\t%d\t", p->vmin, p->vmax, p->vdef);
                field(p->sdef);
                field(p->unsupported);
                field(validator_name(p));
                field(p->set ? "set" : "");
                for (j = 0; j < (int)RD_ARRAYSIZE(p->s2i); j++) {
                        if (!p->s2i[j].str) continue;
                        printf("%s%d=%s", j ? ";" : "", p->s2i[j].val, p->s2i[j].str);
                        if (p->s2i[j].unsupported) printf("!%s", p->s2i[j].unsupported);
                }
                putchar('\t');
                if (p->type == _RK_C_INVALID)
                        field(p->desc);
                else
                        field("");
                printf("%g\t%g\t%g\t", p->dmin, p->dmax, p->ddef);
                field(p->desc);
                putchar('\n');
        }
        return 0;
}
