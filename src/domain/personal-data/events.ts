/**
 * A person deleted their data. Nothing is sent to anyone (the other people of their pairs are not
 * told); the Home tabs of the person and of the others of their pairs are refreshed, since they show
 * what was blanked.
 */
export interface PersonalDataErased {
  type: 'personal_data_erased';
  userId: string;
  otherIds: string[];
}
