namespace Outturn.Application.Tests.Returns;

/// <summary>Small synthetic return files written for a test (no real child's data).</summary>
public static class ReturnFolders
{
    public const string HeaderColumns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    public const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    public const string ReviewColumns = "CHILD,DOB,REVIEW,REVIEW_CODE";

    public static string Ssda903(string folder, string header, string episodes, string? reviews = null)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "header.csv"), header);
        File.WriteAllText(Path.Combine(folder, "episodes.csv"), episodes);
        if (reviews is not null) File.WriteAllText(Path.Combine(folder, "reviews.csv"), reviews);
        return folder;
    }

    /// <summary>Two children looked after in 2015/16: one placement move for child 1001.</summary>
    public static string ValidSsda903(string folder) => Ssda903(folder,
        HeaderColumns + "\n1001,1,01/06/2008,WBRI,A123456789012,,\n1002,2,15/09/2010,MWBC,UN1,,\n",
        EpisodeColumns + "\n"
        + "1001,01/04/2014,S,C2,N1,U1,PR1,10/10/2015,E41,CARPL,,,\n"
        + "1001,10/10/2015,P,C2,N1,U3,PR1,,,,,,\n"
        + "1002,05/01/2016,S,V2,N4,U1,PR1,,,,,,\n",
        ReviewColumns + "\n1001,01/06/2008,01/05/2015,PN1\n");

    public static string CinXml(int referenceYear, string children) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Message>
          <Header>
            <CollectionDetails><Collection>CIN</Collection><Year>{referenceYear}</Year><ReferenceDate>{referenceYear}-03-31</ReferenceDate></CollectionDetails>
            <Source><SourceLevel>L</SourceLevel><LEA>876</LEA><SoftwareCode>Synthetic</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo><DateTime>{referenceYear}-05-01T09:00:00</DateTime></Source>
          </Header>
          <Children>
        {children}
          </Children>
        </Message>
        """;

    public static string CinChild(string id, string details) => $"""
            <Child>
              <ChildIdentifiers><LAchildID>{id}</LAchildID><UPN>A123456789012</UPN><PersonBirthDate>2009-05-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
              {details}
            </Child>
        """;
}
