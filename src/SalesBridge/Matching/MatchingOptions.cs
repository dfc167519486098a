namespace SalesBridge.Matching;

/// <summary>How a matcher decides; the defaults are what the product uses.</summary>
public sealed class MatchingOptions
{
    /// <summary>The match probability at or above which a pair is accepted; null: the matcher's default, chosen for precision.</summary>
    public double? Threshold { get; init; }

    /// <summary>How many next-best candidates an explanation lists.</summary>
    public int RunnersUp { get; init; } = 3;

    /// <summary>
    /// True (the product): a CRM record is tied to at most one lead. False lets several leads share one CRM record, for
    /// when the lead side itself holds duplicates (deduplication benchmarks such as febrl).
    /// </summary>
    public bool OneToOne { get; init; } = true;

    /// <summary>
    /// Weights a larger run learned (<see cref="MatchRun.Fitted"/>): used as they are instead of EM, for a run comparing a
    /// few records with candidates pre-selected from the same data. Null (the default): learn from the data given.
    /// Ignored when its fields are not the matcher's (a model from before the fields changed).
    /// </summary>
    public FittedModel? Fitted { get; init; }

    /// <summary>
    /// True (the import, which matches inside a web server's process): a large run gives memory back between its steps
    /// (<see cref="MatchingMemory"/>) instead of letting the heap grow to the sum of what each step left dead. False (the
    /// default, and the command line): the collector decides, which is faster where memory is plentiful.
    /// </summary>
    public bool ReleaseMemoryBetweenSteps { get; init; }

    /// <summary>
    /// True (the default): leads that are one person among themselves ("twins": a lead list holding someone twice) are
    /// found, fill each other's missing fields against a CRM record, and may share one CRM record under
    /// <see cref="OneToOne"/>. Does nothing to a lead list without repeats but cost a little time.
    /// </summary>
    public bool LinkLeadDuplicates { get; init; } = true;

    /// <summary>
    /// The probability at or above which two leads count as one person: 0.5, "more likely than not", as for a match. A
    /// weak link weighs little where it fills a field (the filled evidence counts by the link's probability).
    /// </summary>
    public double DuplicateThreshold { get; init; } = 0.5;

    /// <summary>
    /// A candidate is compared only when the blocks it shares with the lead weigh at least this share of what the lead's
    /// best candidate's do (<see cref="Blocking.BlockingIndex.Collect"/>). 0.07 (the default) more than halves the
    /// comparisons on febrl3 and the demo world and keeps every true pair of fake_1000 and the demo world but three of
    /// febrl3's 2,371 (0.05 lost two with a sixth more pairs and left fake_1000's reduction ratio at 0.98999; 0.10 lost
    /// six); 0 compares every record sharing a key.
    /// </summary>
    public double CandidateKeepShare { get; init; } = 0.07;

    /// <summary>
    /// True: the run lists, per lead, every CRM record it was compared with (<see cref="MatchRun.Compared"/>), for measuring
    /// pair completeness on what the engine really compared. False (the default): not kept (a list per lead).
    /// </summary>
    public bool KeepComparedPairs { get; init; }
}
